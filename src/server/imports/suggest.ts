/** "Did you mean": the closest known names to a misspelt one, by edit distance. */

/** Levenshtein distance, giving up (returning max + 1) once it must exceed max. */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let previous = new Array<number>(b.length + 1);
  let current = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    [previous, current] = [current, previous];
  }
  return previous[b.length] as number;
}

/** How many edits a name of this length may be away from a suggestion. */
export function allowedDistance(key: string): number {
  if (key.length <= 2) return 1;
  if (key.length <= 5) return 2;
  return Math.min(4, Math.floor(key.length / 3));
}

/**
 * The candidates closest to `key` (already normalised), best first, at most `limit`. Candidates
 * are [key, label] pairs; labels are de-duplicated. A candidate that starts with the key counts as
 * close too, so "Brazza" suggests Brazzaville.
 */
export function closest(
  key: string,
  candidates: Iterable<readonly [string, string]>,
  limit = 3,
  max = allowedDistance(key),
): string[] {
  if (!key) return [];
  const scored: { label: string; score: number }[] = [];
  for (const [candidate, label] of candidates) {
    let score = editDistance(key, candidate, max);
    if (score > max && key.length >= 3 && candidate.startsWith(key)) score = max;
    if (score <= max) scored.push({ label, score });
  }
  scored.sort((x, y) => x.score - y.score || x.label.localeCompare(y.label));
  const out: string[] = [];
  for (const { label } of scored) {
    if (!out.includes(label)) out.push(label);
    if (out.length >= limit) break;
  }
  return out;
}

/** Memoises suggestions per value, and stops computing new ones after `budget` distinct values. */
export function suggestionCache(budget = 500) {
  const memo = new Map<string, string[]>();
  return (key: string, compute: () => string[]): string[] => {
    const hit = memo.get(key);
    if (hit) return hit;
    if (memo.size >= budget) return [];
    const value = compute();
    memo.set(key, value);
    return value;
  };
}
