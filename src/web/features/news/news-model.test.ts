import { describe, expect, it } from 'vitest';
import { highlight, type NewsCheckResult, toBase64 } from './news-model';

const result = {
  text: '共有国际友城110对，其中省级31对。',
  mentions: [
    { figure: 'total', scope: '430000', value: 110, sentence: 0, start: 6, end: 9, rawStart: 6, rawEnd: 9 },
    {
      figure: 'byLevel.provincial',
      scope: '430000',
      value: 31,
      sentence: 0,
      start: 15,
      end: 17,
      rawStart: 15,
      rawEnd: 17,
    },
  ],
  context: [],
  events: [],
  reconciliation: [
    { figure: 'total', scope: '430000', published: 110, registry: 55, verdict: 'differs' },
    { figure: 'byLevel.provincial', scope: '430000', published: 31, registry: 31, verdict: 'agrees' },
  ],
} as unknown as NewsCheckResult;

describe('news model', () => {
  it('cuts the text into plain and highlighted pieces with their verdicts', () => {
    const pieces = highlight(result);
    expect(pieces.map((p) => p.text).join('')).toBe(result.text);
    expect(pieces.filter((p) => p.figure).map((p) => [p.text, p.verdict])).toEqual([
      ['110', 'differs'],
      ['31', 'agrees'],
    ]);
  });

  it('encodes bytes as base64', () => {
    expect(toBase64(new TextEncoder().encode('友城'))).toBe('5Y+L5Z+O');
  });
});
