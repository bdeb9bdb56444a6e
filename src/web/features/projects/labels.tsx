/** Small shared pieces of the project and programme pages: tags for status, goals and units. */
import { Tag, Tooltip } from 'antd';
import { OUTCOME_UNITS, type OutcomeUnit } from '../../../shared/schemas/project';
import { sdgOf } from '../../../shared/sdg';
import { useI18n } from '../../i18n/i18n';

export const PROJECT_STATUS_COLORS: Record<string, string> = {
  planned: 'default',
  running: 'processing',
  completed: 'success',
  stopped: 'error',
};

export const MEASURE_STATUS_COLORS: Record<string, string> = {
  not_started: 'default',
  in_progress: 'processing',
  done: 'success',
  stalled: 'warning',
};

export function ProjectStatusTag({ status }: { status: string }) {
  const { t } = useI18n();
  return <Tag color={PROJECT_STATUS_COLORS[status]}>{t(`project.status.${status}` as 'project.status.planned')}</Tag>;
}

export function MeasureStatusTag({ status }: { status: string }) {
  const { t } = useI18n();
  return (
    <Tag color={MEASURE_STATUS_COLORS[status]}>{t(`measure.status.${status}` as 'measure.status.not_started')}</Tag>
  );
}

export function FieldText({ field }: { field: string }) {
  const { t } = useI18n();
  return <>{t(`project.field.${field}` as 'project.field.other')}</>;
}

/** "SDG 2" as a tag, the goal's name on hover (and for screen readers). */
export function SdgTag({ n }: { n: number }) {
  const { lang } = useI18n();
  const sdg = sdgOf(n);
  const title = sdg ? (lang === 'zh-CN' ? sdg.nameZh : sdg.nameEn) : String(n);
  return (
    <Tooltip title={title}>
      <Tag color="blue" aria-label={`SDG ${n} ${title}`}>
        SDG {n}
      </Tag>
    </Tooltip>
  );
}

export function sdgName(n: number, lang: string): string {
  const sdg = sdgOf(n);
  if (!sdg) return String(n);
  return lang === 'zh-CN' ? `${n}. ${sdg.nameZh}` : `${n}. ${sdg.nameEn}`;
}

export function unitLabel(unit: string, lang: string): string {
  const spec = OUTCOME_UNITS[unit as OutcomeUnit];
  if (!spec) return unit;
  return lang === 'zh-CN' ? spec.zh : spec.en;
}

/** A value with its unit: "23 个国家", "500,000,000 people". */
export function useValueText(): (value: number, unit: string) => string {
  const { n, lang } = useI18n();
  return (value, unit) => {
    const label = unitLabel(unit, lang);
    const number = n(value);
    if (unit === 'percent' || unit === 'percent_change') return `${number}${label}`;
    return lang === 'zh-CN' ? `${number} ${label}` : `${number} ${label}`;
  };
}

/** The message shown under a form field: the reader's language for the fields we know, else the API's. */
export function useFieldMessage(): (path: string, fallback: string) => string {
  const { t } = useI18n();
  return (path, fallback) => {
    switch (path) {
      case 'value':
      case 'unit':
        return t('outcome.valueInvalid');
      case 'metricZh':
      case 'metricEn':
        return t('outcome.metricRequired');
      case 'asOf':
      case 'startOn':
      case 'endOn':
        return t('validation.date');
      case 'evidenceUrl':
        return t('validation.url');
      case 'nameZh':
      case 'nameEn':
        return t('project.nameHint');
      case 'cnCode':
        return t('validation.divisionCode');
      default:
        return fallback;
    }
  };
}
