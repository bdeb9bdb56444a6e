/** A labelled multi-choice filter ("all" when nothing is chosen). */
import { Select } from 'antd';
import { useI18n } from '../i18n/i18n';

export function FilterSelect<T extends string>({
  id,
  label,
  value,
  options,
  onChange,
  loading,
  wide,
}: {
  id: string;
  label: string;
  value: T[] | undefined;
  options: { value: T; label: string }[];
  onChange(value: T[] | undefined): void;
  loading?: boolean;
  wide?: boolean;
}) {
  const { t } = useI18n();
  return (
    <div className="filter-field" style={wide ? { minWidth: 200 } : undefined}>
      <label htmlFor={id}>{label}</label>
      <Select<T[]>
        id={id}
        mode="multiple"
        allowClear
        maxTagCount={2}
        value={value ?? []}
        placeholder={t('common.all')}
        options={options}
        loading={loading}
        optionFilterProp="label"
        onChange={(next) => onChange(next.length > 0 ? next : undefined)}
        popupMatchSelectWidth={false}
      />
    </div>
  );
}
