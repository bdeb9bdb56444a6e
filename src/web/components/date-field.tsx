/**
 * The one date control of the app: antd's DatePicker, in the page's language (its calendar follows
 * the ConfigProvider locale and dayjs's), holding a plain "YYYY-MM-DD" string as forms and the
 * address bar do. Typing "2024-11-28" works in both languages; the future can be shut out.
 */
import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useI18n } from '../i18n/i18n';

export const DATE_FORMAT = 'YYYY-MM-DD';
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export type DateFieldProps = {
  id?: string;
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  /** No day after today can be chosen (a date something happened on). */
  past?: boolean;
  /** The last day that can be chosen ("YYYY-MM-DD"). */
  max?: string;
  placeholder?: string;
  'aria-label'?: string;
  'data-testid'?: string;
  allowClear?: boolean;
  width?: number | string;
};

export function DateField({
  id,
  value,
  onChange,
  past = false,
  max,
  placeholder,
  allowClear = true,
  width = 150,
  ...rest
}: DateFieldProps) {
  const { t } = useI18n();
  const parsed = value && DAY.test(value) ? dayjs(value) : null;
  const disabled = (date: Dayjs) =>
    (past && date.isAfter(dayjs(), 'day')) || (!!max && date.isAfter(dayjs(max), 'day'));
  return (
    <DatePicker
      id={id}
      value={parsed?.isValid() ? parsed : null}
      format={DATE_FORMAT}
      placeholder={placeholder ?? t('date.placeholder')}
      aria-label={rest['aria-label']}
      data-testid={rest['data-testid']}
      allowClear={allowClear}
      disabledDate={past || max ? disabled : undefined}
      // A day typed and left by clicking elsewhere (Save, say) counts, as if Enter had been pressed:
      // the picker alone would keep the earlier value.
      onBlur={(event) => {
        const text = (event.target as HTMLInputElement).value.trim();
        const typed = DAY.test(text) ? dayjs(text) : null;
        if (typed?.isValid() && typed.format(DATE_FORMAT) === text && text !== value && !disabled(typed))
          onChange?.(text);
      }}
      style={{ width }}
      onChange={(next) => onChange?.(next ? next.format(DATE_FORMAT) : undefined)}
    />
  );
}
