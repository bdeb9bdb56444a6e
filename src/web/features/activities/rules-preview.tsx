/**
 * The office's rules beside the form, and the flags the draft would get, as it is filled in —
 * before saving. Asked of the server (POST /api/activities/check), which applies the same checks
 * as to every saved activity.
 */
import { useQuery } from '@tanstack/react-query';
import { Alert } from 'antd';
import { useEffect, useState } from 'react';
import type { RuleCheckView as Check } from '../../../shared/schemas/activity-view';
import { api } from '../../api/client';
import { useDivision } from '../../api/queries';
import { useI18n } from '../../i18n/i18n';

export type RuleDraft = {
  partnershipId?: number;
  type?: string;
  occurredOn?: string;
  participants?: number | null;
  days?: number | null;
  approvalRef?: string | null;
  anniversary?: boolean;
};

/** The draft as the check takes it: only what the rules look at, and only once it names a pair. */
export function checkBody(draft: RuleDraft): Record<string, unknown> | null {
  if (!draft.partnershipId || !draft.type) return null;
  const day = draft.occurredOn && /^\d{4}-\d{2}-\d{2}$/.test(draft.occurredOn) ? draft.occurredOn : undefined;
  const whole = (n: number | null | undefined) =>
    typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : undefined;
  return {
    partnershipId: draft.partnershipId,
    type: draft.type,
    occurredOn: day,
    participants: whole(draft.participants),
    days: whole(draft.days),
    approvalRef: draft.approvalRef?.trim() || undefined,
    anniversary: draft.anniversary || undefined,
  };
}

export function RulesPreview({ draft }: { draft: RuleDraft }) {
  const { t, lang, name } = useI18n();
  // Asked a moment after typing stops, not on every keystroke.
  const [body, setBody] = useState<Record<string, unknown> | null>(null);
  const wanted = JSON.stringify(checkBody(draft));
  useEffect(() => {
    const timer = setTimeout(() => setBody(JSON.parse(wanted)), 300);
    return () => clearTimeout(timer);
  }, [wanted]);
  const check = useQuery({
    queryKey: ['activity-check', body],
    enabled: body !== null,
    placeholderData: (previous) => previous,
    queryFn: () => api.post<Check>('/activities/check', body ?? {}),
  });
  const division = useDivision(check.data && check.data.scopeCode !== '000000' ? check.data.scopeCode : undefined);
  if (!check.data) return null;
  const { rules, flags, scopeCode } = check.data;
  const source =
    scopeCode === '000000'
      ? t('act.flagsDefaults')
      : t('act.flagsFrom', { scope: division.data ? name(division.data.nameZh, division.data.nameEn) : scopeCode });
  const limits = [
    rules.maxDelegationSize !== null ? t('act.rule.size', { n: rules.maxDelegationSize }) : null,
    rules.maxDelegationDays !== null ? t('act.rule.days', { n: rules.maxDelegationDays }) : null,
    rules.approvalRequired ? t('act.rule.approval') : null,
    rules.anniversaryEveryYears !== null ? t('act.rule.anniversary', { n: rules.anniversaryEveryYears }) : null,
  ].filter((l) => l !== null);
  return (
    <Alert
      className="rules-preview"
      data-testid="rules-preview"
      style={{ marginBottom: 16 }}
      type={flags.length ? 'warning' : 'info'}
      showIcon
      message={flags.length ? t('act.preview.breaks', { n: flags.length }) : t('act.preview.fits')}
      description={
        <>
          <div>
            {source}
            {limits.length ? `：${limits.join(lang === 'zh-CN' ? '；' : '; ')}` : `：${t('act.rule.none')}`}
          </div>
          {flags.length ? (
            <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
              {flags.map((f) => (
                <li key={f.rule} data-rule={f.rule}>
                  {f.message[lang]}
                </li>
              ))}
            </ul>
          ) : null}
        </>
      }
    />
  );
}
