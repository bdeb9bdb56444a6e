/** The as-of date: every figure is computed for it. Empty means today; held in the URL as ?asOf=. */
import { useNavigate } from '@tanstack/react-router';
import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../i18n/i18n';
import { useScope } from '../state/scope';

export function AsOfPicker({ id }: { id: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { asOf } = useScope();
  return (
    <DatePicker
      id={id}
      value={asOf ? dayjs(asOf) : null}
      placeholder={t('asOf.placeholder')}
      aria-label={t('asOf.label')}
      allowClear
      format="YYYY-MM-DD"
      disabledDate={(date) => date.isAfter(dayjs(), 'day')}
      showToday
      style={{ width: 150 }}
      onChange={(value) => {
        const next = value ? value.format('YYYY-MM-DD') : undefined;
        void navigate({ to: '.', search: (prev: Record<string, unknown>) => ({ ...prev, asOf: next }) });
      }}
    />
  );
}
