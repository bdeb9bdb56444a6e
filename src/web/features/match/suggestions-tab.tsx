/**
 * 推荐: candidate partners for one division, ranked by the documented score with the weights the
 * user sets (0–3 for each key), every factor's sentence in the page's language; shortlist (with a
 * note) or dismiss (with a reason) each; "why not …?" for one place; the hard rules' exclusions
 * with their counts and examples; and the map of the top candidates.
 */
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Col,
  Collapse,
  Input,
  Modal,
  Row,
  Select,
  Slider,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { CONTINENTS, type Continent } from '../../../shared/enums';
import {
  type Candidate,
  type Exclusion,
  SIMILARITY_KEYS,
  WEIGHT_KEYS,
  type WeightKey,
  type Weights,
} from '../../../shared/schemas/match';
import { DivisionSelect } from '../../components/division-select';
import { EmptyState, ErrorState, Loading, useErrorMessage } from '../../components/states';
import { useNarrow } from '../../components/use-narrow';
import { useI18n } from '../../i18n/i18n';
import { useCan } from '../auth/permissions';
import { CandidatesMap, MAP_TOP } from './candidates-map';
import { useMatchWrites, useSuggestions } from './match-api';
import { formatWeights, type MatchSearch, parseWeights, weightsParam } from './match-search';
import { FactorList, WhyNot, type WhyNotChoice } from './why-not';

export const SUGGESTION_LIMIT = 20;
/** The strongest reasons of a candidate shown at first; the rest on request. */
const FACTORS_SHOWN = 4;

/** The weights as sliders; a move is sent once the hand rests (the address keeps the weights). */
function WeightSliders({ weights, onChange }: { weights: Weights; onChange(next: Weights): void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(weights);
  const key = formatWeights(weights);
  // biome-ignore lint/correctness/useExhaustiveDependencies: follows the address's weights, by their text
  useEffect(() => setDraft(weights), [key]);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const set = (k: WeightKey, v: number) => {
    const next = { ...draft, [k]: v };
    setDraft(next);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => onChange(next), 350);
  };
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  const group = (keys: readonly WeightKey[]) =>
    keys.map((k) => (
      <div key={k} className="match-weight" data-weight={k}>
        <span id={`weight-${k}-label`} className="match-weight-label">
          {t(`match.weight.${k}`)}
        </span>
        <Slider
          min={0}
          max={3}
          step={0.5}
          value={draft[k]}
          onChange={(v) => set(k, v)}
          tooltip={{ formatter: (v) => `${v}` }}
          ariaLabelledByForHandle={`weight-${k}-label`}
        />
        <span className="match-weight-value" aria-hidden>
          {draft[k]}
        </span>
      </div>
    ));
  return (
    <div className="match-weights">
      <div>
        <div className="muted match-weight-group">{t('match.similarity')}</div>
        {group(SIMILARITY_KEYS)}
      </div>
      <div>
        <div className="muted match-weight-group">{t('match.strategic')}</div>
        {group(WEIGHT_KEYS.filter((k) => !SIMILARITY_KEYS.includes(k)))}
      </div>
    </div>
  );
}

function CandidateCard({
  candidate,
  rank,
  mayWrite,
  picked,
  onShortlist,
  onDismiss,
  onExplain,
}: {
  candidate: Candidate;
  rank: number;
  mayWrite: boolean;
  picked: boolean;
  onShortlist(): void;
  onDismiss(): void;
  onExplain(): void;
}) {
  const { t, n, name } = useI18n();
  const c = candidate;
  return (
    <li className={`match-candidate${picked ? ' picked' : ''}`} id={`candidate-${c.key.replace(':', '-')}`}>
      <div className="match-candidate-head">
        <span className="match-rank" aria-hidden>
          {rank}
        </span>
        <div className="match-candidate-name">
          <strong>{name(c.nameZh, c.name)}</strong>
          <span className="muted">
            {' '}
            <span className="nowrap">· {name(c.countryNameZh, c.countryNameEn)}</span>
            {c.population !== null ? (
              <>
                {' '}
                <span className="nowrap">· {t('match.populationShort', { n: n(c.population) })}</span>
              </>
            ) : null}
          </span>
          <div className="match-candidate-tags">
            {c.requestId !== null ? <Tag color="green">{t('match.hasRequest')}</Tag> : null}
            {c.shortlisted ? <Tag color="blue">{t('match.shortlisted')}</Tag> : null}
            {c.chinaPartners > 0 ? <Tag>{t('match.chinaPartners', { n: n(c.chinaPartners) })}</Tag> : null}
          </div>
        </div>
        <div className="match-score" title={t('match.scoreHint')}>
          <span className="match-score-value">{n(c.score, 1)}</span>
          <span className="muted match-score-parts">
            <span className="nowrap">
              {t('match.similarityShort')} {n(c.similarity, 2)}
            </span>{' '}
            <span className="nowrap">
              · {t('match.strategicShort')} {n(c.strategic, 2)}
            </span>
          </span>
        </div>
      </div>
      <FactorList factors={c.factors} top={FACTORS_SHOWN} />
      <Space wrap size={4} className="match-candidate-actions">
        {mayWrite && !c.shortlisted ? (
          <Button size="small" onClick={onShortlist} aria-label={`${t('match.shortlist')}: ${name(c.nameZh, c.name)}`}>
            {t('match.shortlist')}
          </Button>
        ) : null}
        {mayWrite ? (
          <Button size="small" onClick={onDismiss} aria-label={`${t('match.dismiss')}: ${name(c.nameZh, c.name)}`}>
            {t('match.dismiss')}
          </Button>
        ) : null}
        <Button size="small" type="link" onClick={onExplain}>
          {t('match.explain')}
        </Button>
      </Space>
    </li>
  );
}

function ExclusionList({ exclusions, onExplain }: { exclusions: Exclusion[]; onExplain(choice: WhyNotChoice): void }) {
  const { t, n, lang } = useI18n();
  if (exclusions.length === 0) return <p className="muted">{t('match.noExclusions')}</p>;
  return (
    <ul className="match-exclusions">
      {exclusions.map((e) => (
        <li key={e.rule}>
          <div>
            <strong>{lang === 'zh-CN' ? e.text.zh : e.text.en}</strong>{' '}
            <Tag>{t('match.excludedCount', { n: n(e.count) })}</Tag>
          </div>
          {e.examples.length > 0 ? (
            <ul className="match-examples">
              {e.examples.map((x) => (
                <li key={x.key}>
                  <Button
                    type="link"
                    size="small"
                    className="match-example"
                    onClick={() => onExplain({ key: x.key, label: x.name })}
                  >
                    {x.name}
                  </Button>
                  <span className="muted">{lang === 'zh-CN' ? x.reason.zh : x.reason.en}</span>
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

type Asking = { kind: 'shortlist' | 'dismiss'; candidate: Candidate };

export function SuggestionsTab({
  search,
  update,
  cn,
}: {
  search: MatchSearch;
  update(patch: Partial<MatchSearch>): void;
  cn: string | undefined;
}) {
  const { t, n, name } = useI18n();
  const weights = useMemo(() => parseWeights(search.weights), [search.weights]);
  const params = cn
    ? { cn, weights: weightsParam(weights), limit: SUGGESTION_LIMIT, region: search.region }
    : undefined;
  const suggestions = useSuggestions(params);
  const can = useCan();
  const mayWrite = cn ? can.write(cn) : false;
  const writes = useMatchWrites();
  const { message } = AntApp.useApp();
  const errorMessage = useErrorMessage();
  const [asking, setAsking] = useState<Asking | null>(null);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [explain, setExplainState] = useState<WhyNotChoice | undefined>(undefined);
  const setExplain = (choice: WhyNotChoice | undefined) => {
    setExplainState(choice);
    // The answer is beside the list (below it on a phone): bring it into view.
    if (choice)
      setTimeout(
        () => document.getElementById('match-why')?.scrollIntoView({ block: 'nearest', behavior: 'smooth' }),
        0,
      );
  };
  const [picked, setPicked] = useState<string | null>(null);
  const data = suggestions.data;
  // On a phone the sliders fold away, so the list is not pushed a screen down.
  const narrow = useNarrow();
  const sliders = (
    <WeightSliders weights={weights} onChange={(next) => update({ weights: formatWeights(next) || undefined })} />
  );

  async function confirm() {
    if (!asking || !cn) return;
    const c = asking.candidate;
    if (asking.kind === 'dismiss' && !text.trim()) {
      message.error(t('match.reasonRequired'));
      return;
    }
    setBusy(true);
    try {
      if (asking.kind === 'shortlist') {
        await writes.shortlist(cn, c.key, text.trim() || null);
        message.success(t('match.shortlistedDone', { name: name(c.nameZh, c.name) }));
      } else {
        await writes.dismiss(cn, c.key, text.trim());
        message.success(t('match.dismissedDone', { name: name(c.nameZh, c.name) }));
      }
      setAsking(null);
      setText('');
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  const pick = (key: string) => {
    setPicked(key);
    document
      .getElementById(`candidate-${key.replace(':', '-')}`)
      ?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  };

  return (
    <>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Row gutter={[16, 12]}>
          <Col xs={24} md={8}>
            <div className="filter-field">
              <label htmlFor="match-cn">{t('match.forDivision')}</label>
              <DivisionSelect id="match-cn" value={cn} onChange={(value) => update({ cn: value })} />
            </div>
            <div className="filter-field" style={{ marginTop: 8 }}>
              <label htmlFor="match-region">{t('match.region')}</label>
              <Select<Continent>
                id="match-region"
                allowClear
                value={search.region}
                placeholder={t('common.all')}
                options={CONTINENTS.map((c) => ({ value: c, label: t(`continent.${c}`) }))}
                onChange={(region) => update({ region })}
              />
            </div>
            <Button style={{ marginTop: 12 }} disabled={!search.weights} onClick={() => update({ weights: undefined })}>
              {t('match.defaultWeights')}
            </Button>
          </Col>
          <Col xs={24} md={16}>
            {narrow ? (
              <Collapse
                size="small"
                items={[
                  {
                    key: 'weights',
                    label: search.weights ? t('match.weightsChanged') : t('match.weights'),
                    children: sliders,
                  },
                ]}
              />
            ) : (
              sliders
            )}
          </Col>
        </Row>
      </Card>
      {!cn ? (
        <EmptyState title={t('match.pickDivision')} />
      ) : suggestions.isError && !data ? (
        <ErrorState error={suggestions.error} onRetry={() => void suggestions.refetch()} />
      ) : !data ? (
        <Loading rows={10} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={14}>
            <Card
              size="small"
              className="match-suggestions"
              title={t('match.suggestionsFor', { name: name(data.cn.nameZh, data.cn.nameEn) })}
              extra={suggestions.isFetching ? <Loading inline /> : null}
            >
              <p className="muted" style={{ marginTop: 0 }}>
                {t('match.considered', { n: n(data.candidateCount) })}
                {data.cn.population !== null
                  ? ` · ${t('match.yourPopulation', { n: n(data.cn.population) })}`
                  : ` · ${t('match.noPopulation')}`}
                {data.policyScope ? ` · ${t('match.policyApplied')}` : ''}
              </p>
              {data.items.length === 0 ? (
                <EmptyState title={t('match.noSuggestions')} hint={t('match.noSuggestionsHint')} />
              ) : (
                <ol className="match-candidates">
                  {data.items.map((c, i) => (
                    <CandidateCard
                      key={c.key}
                      candidate={c}
                      rank={i + 1}
                      mayWrite={mayWrite}
                      picked={picked === c.key}
                      onShortlist={() => {
                        setText('');
                        setAsking({ kind: 'shortlist', candidate: c });
                      }}
                      onDismiss={() => {
                        setText('');
                        setAsking({ kind: 'dismiss', candidate: c });
                      }}
                      onExplain={() =>
                        setExplain({
                          key: c.key,
                          label: `${name(c.nameZh, c.name)} · ${name(c.countryNameZh, c.countryNameEn)}`,
                        })
                      }
                    />
                  ))}
                </ol>
              )}
              <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
                {t('match.method')}
              </Typography.Paragraph>
            </Card>
          </Col>
          <Col xs={24} lg={10}>
            <Card size="small" title={t('match.map.title')} style={{ marginBottom: 16 }}>
              <CandidatesMap suggestions={data} onPick={pick} />
              <p className="muted" style={{ marginBottom: 0 }}>
                {t('match.map.hint', { n: MAP_TOP })}
              </p>
            </Card>
            <Card size="small" title={t('match.whyNot')} style={{ marginBottom: 16 }} id="match-why">
              <WhyNot cn={cn} weights={weightsParam(weights)} value={explain} onChange={setExplain} />
            </Card>
            <Card size="small" title={t('match.exclusions')}>
              <ExclusionList exclusions={data.exclusions} onExplain={setExplain} />
            </Card>
          </Col>
        </Row>
      )}
      <Modal
        open={asking !== null}
        title={
          asking
            ? `${asking.kind === 'shortlist' ? t('match.shortlist') : t('match.dismiss')}: ${name(asking.candidate.nameZh, asking.candidate.name)}`
            : ''
        }
        okText={asking?.kind === 'dismiss' ? t('match.dismissConfirm') : t('match.shortlistConfirm')}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        onOk={() => void confirm()}
        onCancel={() => setAsking(null)}
      >
        {asking?.kind === 'dismiss' ? <Alert type="info" showIcon message={t('match.dismissHint')} /> : null}
        <label htmlFor="match-ask-text" className="block" style={{ marginTop: 8 }}>
          {asking?.kind === 'dismiss' ? t('match.dismissReason') : t('match.shortlistNote')}
        </label>
        <Input.TextArea
          id="match-ask-text"
          rows={3}
          maxLength={asking?.kind === 'dismiss' ? 500 : 2000}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-required={asking?.kind === 'dismiss'}
        />
      </Modal>
    </>
  );
}
