/**
 * "Why not this place?": one place of the registry (searched by name) or a candidate key, with its
 * score and factors when it is a candidate, its rank with the same weights, and every hard rule
 * that keeps it out, each with its reason in the page's language. The factors' list is shared with
 * the suggestions.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Select, Tag } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { Factor } from '../../../shared/schemas/match';
import type { ForeignPlaceView } from '../../../shared/schemas/place-view';
import { ApiError, api } from '../../api/client';
import type { ListEnvelope } from '../../api/types';
import { ErrorState, Loading } from '../../components/states';
import { useI18n } from '../../i18n/i18n';
import { useCandidate } from './match-api';
import { placeKeys } from './match-model';

/**
 * Each factor's sentence in the page's language, with what it adds to the score; with `top`, the
 * strongest few first and the rest behind a button (the list comes strongest first).
 */
export function FactorList({ factors, top }: { factors: Factor[]; top?: number }) {
  const { t, lang, n } = useI18n();
  const [all, setAll] = useState(false);
  const cut = top !== undefined && !all && factors.length > top;
  const shown = cut ? factors.slice(0, top) : factors;
  return (
    <>
      <ul className="match-factors">
        {shown.map((f) => (
          <li key={f.code} className={f.points > 0 ? undefined : 'muted'}>
            <span className={`match-factor-points ${f.kind}`} title={t(`match.${f.kind}`)}>
              +{n(f.points, 1)}
            </span>
            <span className="match-factor-text">{lang === 'zh-CN' ? f.text.zh : f.text.en}</span>
          </li>
        ))}
      </ul>
      {top !== undefined && factors.length > top ? (
        <Button
          type="link"
          size="small"
          className="match-factors-more"
          onClick={() => setAll(!all)}
          aria-expanded={all}
        >
          {all ? t('match.fewerFactors') : t('match.allFactors', { n: factors.length })}
        </Button>
      ) : null}
    </>
  );
}

const KEY = /^(gn|fp):\d+$/;

export type WhyNotChoice = { key: string; label?: string };

export function WhyNot({
  cn,
  weights,
  value,
  onChange,
}: {
  cn: string;
  weights: string;
  /** The candidate asked about, with its name when the page knows it. */
  value: WhyNotChoice | undefined;
  onChange(choice: WhyNotChoice | undefined): void;
}) {
  const { t, n, name, lang } = useI18n();
  const [query, setQuery] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(query.trim()), 250);
    return () => clearTimeout(timer);
  }, [query]);
  const places = useQuery({
    queryKey: ['places', 'search', q],
    enabled: q.length >= 2 && !KEY.test(q),
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => api.get<ListEnvelope<ForeignPlaceView>>('/places', { q, perPage: 20 }, signal),
  });
  const [chosen, setChosen] = useState<Map<string, { keys: string[]; label: string }>>(new Map());
  const options = useMemo(() => {
    const list = (places.data?.data ?? []).map((p) => {
      const keys = placeKeys(p);
      return {
        value: keys[0] as string,
        keys,
        label: `${name(p.nameZh, p.nameEn)} · ${name(p.country.nameZh, p.country.nameEn)}`,
      };
    });
    if (KEY.test(query.trim())) list.unshift({ value: query.trim(), keys: [query.trim()], label: query.trim() });
    const key = value?.key;
    if (key && !list.some((o) => o.value === key))
      list.unshift({
        value: key,
        keys: chosen.get(key)?.keys ?? [key],
        label: chosen.get(key)?.label ?? value?.label ?? key,
      });
    return list;
  }, [places.data, query, value, chosen, name]);

  const keys = value ? (chosen.get(value.key)?.keys ?? [value.key]) : [];
  const explained = useCandidate(keys, { cn, weights });
  const result = explained.data;
  return (
    <>
      <label htmlFor="match-why-not" className="block">
        {t('match.whyNotLabel')}
      </label>
      <Select
        id="match-why-not"
        showSearch
        allowClear
        value={value?.key}
        style={{ width: '100%' }}
        filterOption={false}
        searchValue={query}
        onSearch={setQuery}
        loading={places.isFetching}
        placeholder={t('match.whyNotPlaceholder')}
        notFoundContent={q.length >= 2 ? t('state.empty') : t('match.whyNotTyping')}
        options={options.map((o) => ({ value: o.value, label: o.label }))}
        onChange={(key?: string) => {
          const option = options.find((o) => o.value === key);
          if (key && option) setChosen((prev) => new Map(prev).set(key, { keys: option.keys, label: option.label }));
          onChange(key ? { key, label: option?.label } : undefined);
        }}
      />
      <div className="match-why-result" aria-live="polite" id="match-why-result">
        {!value ? null : explained.isPending ? (
          <Loading rows={3} />
        ) : explained.isError ? (
          explained.error instanceof ApiError && explained.error.isNotFound ? (
            <Alert type="warning" showIcon message={t('match.notCandidate')} />
          ) : (
            <ErrorState error={explained.error} onRetry={() => void explained.refetch()} />
          )
        ) : result ? (
          <>
            {result.candidate ? (
              <p>
                <strong>{name(result.candidate.nameZh, result.candidate.name)}</strong>{' '}
                <span className="muted">
                  · {name(result.candidate.countryNameZh, result.candidate.countryNameEn)} · {t('match.score')}{' '}
                  {n(result.candidate.score, 1)}
                </span>{' '}
                {result.rank !== null ? <Tag color="blue">{t('match.rank', { n: n(result.rank) })}</Tag> : null}
              </p>
            ) : null}
            {result.excludedBy.length > 0 ? (
              <Alert
                type="error"
                showIcon
                message={t('match.excludedBy')}
                description={
                  <ul className="match-reasons">
                    {result.excludedBy.map((e) => (
                      <li key={e.rule}>{lang === 'zh-CN' ? e.reason.zh : e.reason.en}</li>
                    ))}
                  </ul>
                }
                style={{ marginBottom: 8 }}
              />
            ) : (
              <Alert type="success" showIcon message={t('match.notExcluded')} style={{ marginBottom: 8 }} />
            )}
            {result.candidate ? <FactorList factors={result.candidate.factors} /> : null}
          </>
        ) : null}
      </div>
    </>
  );
}
