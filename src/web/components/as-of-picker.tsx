/** The as-of date: every figure is computed for it. Empty means today; held in the URL as ?asOf=. */
import { useNavigate } from '@tanstack/react-router';
import { useI18n } from '../i18n/i18n';
import { useScope } from '../state/scope';
import { type GlobalSearch, withAsOf } from '../state/search';
import { DateField } from './date-field';

export function AsOfPicker({ id }: { id: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { asOf } = useScope();
  return (
    <DateField
      id={id}
      value={asOf}
      placeholder={t('asOf.placeholder')}
      aria-label={t('asOf.label')}
      past
      onChange={(next) => {
        void navigate({ to: '.', search: (prev: GlobalSearch) => withAsOf(prev, next) });
      }}
    />
  );
}
