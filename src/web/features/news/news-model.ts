/**
 * The 报道核对 page's model: the cleaned text cut into plain and highlighted pieces, each figure
 * with its verdict, so the page only renders.
 */
import type { NewsCheckResult } from '../../../shared/schemas/news';

export type { NewsCheckResult };
export type Verdict = NewsCheckResult['reconciliation'][number]['verdict'];
/** A run of the cleaned text; `start` (its offset) is also its identity. */
export type Piece = {
  start: number;
  text: string;
  figure?: string;
  verdict?: Verdict | 'found' | 'missing' | 'differs_event';
};

/** The verdict of a mention: its scope's reconciliation of the same figure (since.year has none). */
export function verdictOf(result: NewsCheckResult, figure: string, scope: string): Verdict | undefined {
  const name = figure === 'since.year' ? 'since.count' : figure;
  return result.reconciliation.find((r) => r.figure === name && r.scope === scope)?.verdict;
}

/** The cleaned text as pieces; overlapping spans keep the first. */
export function highlight(result: NewsCheckResult): Piece[] {
  const spans: { start: number; end: number; figure: string; verdict?: Piece['verdict'] }[] = [
    ...result.mentions.map((m) => ({
      start: m.start,
      end: m.end,
      figure: m.figure,
      verdict: verdictOf(result, m.figure, m.scope),
    })),
    ...result.context.map((c) => ({
      start: c.start,
      end: c.end,
      figure: `context.${c.kind}`,
      verdict: 'context' as const,
    })),
    ...result.events.map((e) => ({
      start: e.start,
      end: e.end,
      figure: 'event',
      verdict: e.verdict === 'differs' ? ('differs_event' as const) : e.verdict,
    })),
  ].sort((a, b) => a.start - b.start);
  const pieces: Piece[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.start < at) continue;
    if (span.start > at) pieces.push({ start: at, text: result.text.slice(at, span.start) });
    pieces.push({
      start: span.start,
      text: result.text.slice(span.start, span.end),
      figure: span.figure,
      verdict: span.verdict,
    });
    at = span.end;
  }
  if (at < result.text.length) pieces.push({ start: at, text: result.text.slice(at) });
  return pieces;
}

/** A file's bytes as base64, for the API's `document`. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
