/**
 * The scope picker: the home province (the default), or any city or county under it, searched by
 * Chinese, English or pinyin through /api/divisions. Held in the address bar as ?scope=.
 */
import { useNavigate } from '@tanstack/react-router';
import { Select } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { NATIONAL_CODE } from '../../shared/enums';
import { useDefaultScope, useDivision, useDivisionSearch } from '../api/queries';
import type { Division } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { useScope } from '../state/scope';
import { provinceOf } from '../state/search';

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

export function divisionLabel(division: Division, lang: string): string {
  if (lang === 'zh-CN') return division.path || division.nameZh;
  return `${division.nameEn} · ${division.path || division.nameZh}`;
}

export function ScopePicker({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const { scope } = useScope();
  const home = useDefaultScope().data;
  const province = home && home !== NATIONAL_CODE ? provinceOf(home) : undefined;
  const [query, setQuery] = useState('');
  const q = useDebounced(query.trim(), 200);
  const current = useDivision(scope);
  const provinceDivision = useDivision(province);
  // The lists are asked for only once the picker is opened, so the first paint waits for nothing.
  const [open, setOpen] = useState(false);
  const children = useDivisionSearch({ parent: province, perPage: 100 }, open && Boolean(province));
  const found = useDivisionSearch({ q, perPage: 50 }, open && q !== '');

  const options = useMemo(() => {
    const inProvince = (d: Division) => !province || d.code.startsWith(province.slice(0, 2));
    const list: Division[] = [];
    if (q) {
      list.push(...(found.data?.data ?? []).filter(inProvince));
    } else {
      if (provinceDivision.data) list.push(provinceDivision.data);
      list.push(...(children.data?.data ?? []));
    }
    if (current.data && !list.some((d) => d.code === current.data?.code)) list.unshift(current.data);
    const out = list.map((d) => ({
      value: d.code,
      label:
        d.code === province
          ? t('scope.whole', { name: lang === 'zh-CN' ? d.nameZh : d.nameEn })
          : divisionLabel(d, lang),
    }));
    if (!province || scope === NATIONAL_CODE) out.unshift({ value: NATIONAL_CODE, label: t('scope.national') });
    // Until the division's names arrive the select would show its bare code (430000).
    if (scope && !out.some((o) => o.value === scope)) out.unshift({ value: scope, label: t('state.loading') });
    return out;
  }, [q, found.data, children.data, provinceDivision.data, current.data, province, scope, lang, t]);

  return (
    <Select
      id={id}
      showSearch
      value={scope}
      placeholder={t('scope.placeholder')}
      aria-label={t('scope.label')}
      title={t('scope.searchHint')}
      filterOption={false}
      onSearch={setQuery}
      searchValue={query}
      loading={open && (found.isFetching || children.isFetching)}
      open={open}
      onOpenChange={setOpen}
      options={options}
      popupMatchSelectWidth={false}
      style={{ minWidth: 200, maxWidth: '100%' }}
      onChange={(value: string) => {
        setQuery('');
        void navigate({
          to: '.',
          search: (prev: Record<string, unknown>) => ({ ...prev, scope: value, page: undefined }),
        });
      }}
      notFoundContent={t('state.empty')}
    />
  );
}
