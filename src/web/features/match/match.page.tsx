/**
 * 友城匹配: the requests board (both sides, with the mutual matches), the suggestions for a
 * division with their explanations and map, the shortlist and the dismissed, and the office's
 * hard rules. The tab, filters, division and weights live in the address.
 */
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { Tabs } from 'antd';
import { NATIONAL_CODE } from '../../../shared/enums';
import { useTitle } from '../../components/use-title';
import { useI18n } from '../../i18n/i18n';
import { useScope } from '../../state/scope';
import { useCurrentUser } from '../auth/session';
import type { MatchSearch, MatchTab } from './match-search';
import { PolicyTab } from './policy-tab';
import { RequestsTab } from './requests-tab';
import { ShortlistTab } from './shortlist-tab';
import { SuggestionsTab } from './suggestions-tab';

const route = getRouteApi('/match');

/** The division the suggestions are for: the address's, else the actor's own, else the context bar's. */
export function useMatchDivision(search: MatchSearch): string | undefined {
  const user = useCurrentUser();
  const { scope } = useScope();
  if (search.cn) return search.cn;
  if (user && user.kind !== 'anonymous' && user.scopeCode !== NATIONAL_CODE) return user.scopeCode;
  return scope && scope !== NATIONAL_CODE ? scope : undefined;
}

export function MatchPage() {
  const { t } = useI18n();
  useTitle(t('match.title'));
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/match' });
  const tab = search.tab ?? 'requests';
  const update = (patch: Partial<MatchSearch>) =>
    void navigate({ search: (prev: MatchSearch) => ({ ...prev, ...patch }), replace: true });
  const cn = useMatchDivision(search);
  return (
    <>
      <div className="page-header">
        <h1>{t('match.title')}</h1>
      </div>
      <Tabs
        activeKey={tab}
        destroyOnHidden
        onChange={(key) =>
          void navigate({
            // The board's filters stay on the board; the division and weights follow every tab.
            search: (prev: MatchSearch) => ({
              scope: prev.scope,
              asOf: prev.asOf,
              since: prev.since,
              cn: prev.cn,
              weights: prev.weights,
              region: prev.region,
              tab: key === 'requests' ? undefined : (key as MatchTab),
            }),
          })
        }
        items={[
          {
            key: 'requests',
            label: t('match.tab.requests'),
            children: <RequestsTab search={search} update={update} />,
          },
          {
            key: 'suggestions',
            label: t('match.tab.suggestions'),
            children: <SuggestionsTab search={search} update={update} cn={cn} />,
          },
          { key: 'shortlist', label: t('match.tab.shortlist'), children: <ShortlistTab cn={cn} update={update} /> },
          { key: 'policy', label: t('match.tab.policy'), children: <PolicyTab /> },
        ]}
      />
    </>
  );
}
