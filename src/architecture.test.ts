/**
 * Who may import whom (ARCHITECTURE.md, "Imports"), checked over the import graph of src/:
 * - shared imports nothing of ours but shared (its tests may compare it with the server);
 * - the web app imports only the web app and shared: it talks to the server over HTTP;
 * - the server and the command line never import the web app;
 * - no cycle among the server's and the command line's modules (type-only imports aside);
 * - a feature uses another feature's service, never its repo — except the exceptions listed here,
 *   each with its reason. A new exception fails this test until it is written down.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = dirname(new URL(import.meta.url).pathname);

/** Every import of another feature's repo that is allowed, "from → to", with its reason. */
const REPO_EXCEPTIONS: Record<string, string> = {
  // The audit trail is written by every change inside that change's own transaction.
  '* → server/audit/audit.repo.ts': 'writeAudit() takes the transaction of the change it records',
  'server/places/place.service.ts → server/reference/reference.repo.ts':
    'the gazetteer is reference data that only the places feature reads',
  'server/reminders/reminders.service.ts → server/partnerships/partnership.repo.ts':
    "the subtree condition of the pairs table, composed into the reminders' own query",
  'server/activities/activity.service.ts → server/partnerships/partnership.repo.ts':
    "the subtree condition of the pairs table, composed into the activities' own query",
  'server/activities/activity.repo.ts → server/rules/rules.repo.ts':
    "breaksRules() is the rules' SQL, composed into the activity list's query",
  'server/activities/activity.demo.ts → server/rules/rules.repo.ts': 'the demo loader reads the rules it loaded',
  'server/projects/project.demo.ts → server/activities/activity.repo.ts': 'the demo loader links what it loads by name',
  'server/projects/project.demo.ts → server/programmes/programme.repo.ts':
    'the demo loader links what it loads by name',
  'server/lifecycle/lifecycle.demo.ts → server/activities/activity.repo.ts':
    'the demo loader links what it loads by name',
  'server/contacts/contact.service.ts → server/activities/activity.repo.ts':
    "a contact's last contact is read with the activities of its partnerships in the same snapshot",
  'server/imports/export.service.ts → server/partnerships/partnership.repo.ts':
    "an export streams the list's own query page by page, with the list's filters",
  'server/reports/report.repo.ts → server/figures/figure.repo.ts':
    "the report's pairs are the figures' counted pairs: one definition of what counts",
  'server/lifecycle/lifecycle.service.ts → server/partnerships/partnership.repo.ts':
    'the life cycle moves the stage of a pair row in the transaction that records the move',
  'server/documents/document.service.ts → server/partnerships/partnership.repo.ts':
    'a document is filed under a pair, read in the transaction that stores it',
};

type Import = { from: string; to: string; typeOnly: boolean };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'migrations' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

const IMPORT = /^(import|export)\s+(type\s+)?[^'"]*?\sfrom\s+['"](\.[^'"]+)['"]/gm;

function resolve(from: string, specifier: string): string {
  const path = normalize(join(dirname(from), specifier)).replace(/\.js$/, '');
  if (/\.(json|css)$/.test(path)) return path;
  for (const candidate of [`${path}.ts`, `${path}.tsx`, join(path, 'index.ts')]) {
    if (files.has(candidate)) return candidate;
  }
  return path;
}

const all = sourceFiles(ROOT).map((f) => relative(ROOT, f));
const files = new Set(all);
const imports: Import[] = all.flatMap((from) =>
  [...readFileSync(join(ROOT, from), 'utf8').matchAll(IMPORT)].map((m) => ({
    from,
    to: resolve(from, m[3] as string),
    typeOnly: Boolean(m[2]),
  })),
);

const top = (path: string) => path.split('/')[0];
const isTest = (path: string) => /\.test\.tsx?$/.test(path);
const feature = (path: string) => path.split('/').slice(0, 2).join('/');

describe('the import rules', () => {
  it('reads the import graph', () => {
    expect(all.length).toBeGreaterThan(200);
    expect(imports.length).toBeGreaterThan(1000);
  });

  it('shared imports only shared', () => {
    const wrong = imports.filter((i) => top(i.from) === 'shared' && !isTest(i.from) && top(i.to) !== 'shared');
    expect(wrong.map((i) => `${i.from} → ${i.to}`)).toEqual([]);
  });

  it('the web app imports only the web app and shared', () => {
    const wrong = imports.filter((i) => top(i.from) === 'web' && !['web', 'shared'].includes(top(i.to) ?? ''));
    expect(wrong.map((i) => `${i.from} → ${i.to}`)).toEqual([]);
  });

  it('the server and the command line never import the web app', () => {
    const wrong = imports.filter((i) => ['server', 'cli'].includes(top(i.from) ?? '') && top(i.to) === 'web');
    expect(wrong.map((i) => `${i.from} → ${i.to}`)).toEqual([]);
  });

  it("a feature uses another feature's service, never its repo (but for the exceptions written down)", () => {
    const used = new Set<string>();
    const wrong: string[] = [];
    for (const i of imports) {
      if (i.typeOnly || isTest(i.from) || top(i.from) !== 'server' || !i.to.endsWith('.repo.ts')) continue;
      if (feature(i.from) === feature(i.to) || feature(i.from) === 'server/testing') continue;
      const key = `${i.from} → ${i.to}`;
      const wildcard = `* → ${i.to}`;
      if (key in REPO_EXCEPTIONS) used.add(key);
      else if (wildcard in REPO_EXCEPTIONS) used.add(wildcard);
      else wrong.push(key);
    }
    expect(wrong).toEqual([]);
    // An exception no longer needed is taken off the list.
    expect(Object.keys(REPO_EXCEPTIONS).filter((k) => !used.has(k))).toEqual([]);
  });

  it('has no cycle among the modules of the server and the command line', () => {
    const graph = new Map<string, string[]>();
    for (const i of imports) {
      if (i.typeOnly || isTest(i.from) || !['server', 'cli'].includes(top(i.from) ?? '')) continue;
      graph.set(i.from, [...(graph.get(i.from) ?? []), i.to]);
    }
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (node: string, path: string[]) => {
      state.set(node, 'open');
      for (const next of graph.get(node) ?? []) {
        if (state.get(next) === 'open') cycles.push([...path.slice(path.indexOf(next)), next].join(' → '));
        else if (!state.has(next)) visit(next, [...path, next]);
      }
      state.set(node, 'done');
    };
    for (const node of graph.keys()) if (!state.has(node)) visit(node, [node]);
    expect(cycles).toEqual([]);
  });
});
