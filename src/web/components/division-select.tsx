/** A Chinese division, searched by Chinese, English or pinyin (for forms: value/onChange). */
import { Select } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { NATIONAL_CODE } from '../../shared/enums';
import { useCountries, useDivision, useDivisionSearch } from '../api/queries';
import { useI18n } from '../i18n/i18n';
import { useScope } from '../state/scope';
import { divisionLabel } from './scope-picker';

export function DivisionSelect({
  id,
  value,
  onChange,
  ...aria
}: {
  id?: string;
  value?: string;
  onChange?: (value: string) => void;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}) {
  const { t, lang } = useI18n();
  const { scope } = useScope();
  const [query, setQuery] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(query.trim()), 200);
    return () => clearTimeout(timer);
  }, [query]);
  const parent = scope && scope !== NATIONAL_CODE ? scope : undefined;
  const near = useDivisionSearch({ parent, perPage: 100 }, Boolean(parent));
  const found = useDivisionSearch({ q, perPage: 50 }, q !== '');
  const current = useDivision(value);
  const scopeDivision = useDivision(parent);

  const options = useMemo(() => {
    const list = q ? (found.data?.data ?? []) : [scopeDivision.data, ...(near.data?.data ?? [])].filter((d) => !!d);
    if (current.data && !list.some((d) => d.code === current.data?.code)) list.unshift(current.data);
    return list.map((d) => ({ value: d.code, label: divisionLabel(d, lang) }));
  }, [q, found.data, near.data, scopeDivision.data, current.data, lang]);

  return (
    <Select
      id={id}
      showSearch
      value={value}
      onChange={onChange}
      placeholder={t('form.cnPlaceholder')}
      filterOption={false}
      searchValue={query}
      onSearch={setQuery}
      loading={found.isFetching}
      options={options}
      notFoundContent={t('state.empty')}
      {...aria}
    />
  );
}

export function CountrySelect({
  id,
  value,
  onChange,
  ...aria
}: {
  id?: string;
  value?: string;
  onChange?: (value: string) => void;
  'aria-invalid'?: boolean;
}) {
  const { t, name } = useI18n();
  const countries = useCountries();
  const options = useMemo(
    () =>
      (countries.data ?? []).map((c) => ({
        value: c.iso2,
        label: `${name(c.nameZh, c.nameEn)} (${c.iso2})`,
        search: `${c.nameZh} ${c.nameEn} ${c.iso2}`.toLowerCase(),
      })),
    [countries.data, name],
  );
  return (
    <Select
      id={id}
      showSearch
      value={value}
      onChange={onChange}
      placeholder={t('form.countryPlaceholder')}
      loading={countries.isPending}
      options={options}
      filterOption={(input, option) => (option?.search ?? '').includes(input.toLowerCase())}
      {...aria}
    />
  );
}
