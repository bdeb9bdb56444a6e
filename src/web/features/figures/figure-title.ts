/** The title of a figure's records, e.g. "byLevel.city" → 市级友城 / City-level partnerships. */
import type { Key, Vars } from '../../i18n/catalog';
import { hasKey } from '../../i18n/catalog';

export function figureTitle(figure: string, t: (key: Key, vars?: Vars) => string, sinceLabel: string): string {
  const continent = /^byContinent\.(\w+)$/.exec(figure)?.[1];
  if (continent) {
    const key = `continent.${continent}`;
    return t('records.figure.byContinent', { continent: hasKey(key) ? t(key) : continent });
  }
  if (figure === 'since') return t('records.figure.since', { from: sinceLabel });
  const key = `records.figure.${figure}`;
  return hasKey(key) ? t(key) : t('records.figure.other', { figure });
}
