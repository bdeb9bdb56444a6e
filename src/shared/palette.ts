/** Colours that mean the same thing on every page: a level is the same colour in tags, charts and the map. */
import type { Level, Status } from './enums.js';

export const LEVEL_COLORS: Record<Level, string> = {
  provincial: '#c0392b',
  city: '#1d5fa8',
  // Dark enough for white text in a tag (4.5:1).
  county: '#25774a',
};

export const STATUS_TAG: Record<Status, string> = {
  active: 'green',
  dormant: 'gold',
  ended: 'default',
};

export const CHART_COLORS: readonly [string, ...string[]] = [
  '#1d5fa8',
  '#e08e0b',
  '#2e8b57',
  '#c0392b',
  '#7b5ea7',
  '#16a2b8',
  '#8d6e63',
  '#607d8b',
];
export const BENCHMARK_GREY = '#a0a8b3';
