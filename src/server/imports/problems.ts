/** Collecting the problems of an import, and writing one as a line a person can act on. */
import { type ImportProblem, type ImportReport, MAX_LISTED_PROBLEMS } from './import.schema.js';

export class ProblemList {
  readonly list: ImportProblem[] = [];
  count = 0;

  /** No more problems will be listed (only counted): no need to work out suggestions for them. */
  get isFull(): boolean {
    return this.list.length >= MAX_LISTED_PROBLEMS;
  }

  add(problem: ImportProblem): void {
    this.count += 1;
    if (this.list.length < MAX_LISTED_PROBLEMS) this.list.push(problem);
  }

  addAll(problems: readonly ImportProblem[]): void {
    for (const p of problems) this.add(p);
  }

  /** Problems sorted by row (file-level ones first), then by the order they were found. */
  sorted(): ImportProblem[] {
    return this.list
      .map((p, i) => ({ p, i }))
      .sort((a, b) => (a.p.row ?? 0) - (b.p.row ?? 0) || a.i - b.i)
      .map(({ p }) => p);
  }
}

function quote(value: string): string {
  const short = value.length > 80 ? `${value.slice(0, 77)}…` : value;
  return `"${short.replace(/\r?\n/g, ' ')}"`;
}

/** `row 7, partner_country "Ghanna": unknown country — did you mean Ghana (GH)?` */
export function formatProblem(p: ImportProblem): string {
  const where = [p.row !== null ? `row ${p.row}` : 'file', p.column ?? undefined].filter(Boolean).join(', ');
  const value = p.value !== undefined && p.value !== '' ? ` ${quote(p.value)}` : '';
  let line = `${where}${value}: ${p.message}`;
  if (p.suggestions?.length && p.rule === 'ambiguous_division') line += ` — which one? ${p.suggestions.join(', ')}`;
  else if (p.suggestions?.length) line += ` — did you mean ${p.suggestions.join(' or ')}?`;
  else if (p.fix) line += ` — ${p.fix}`;
  return line;
}

/** The report's problems as FieldIssues of the one error shape (API 400 answers). */
export function problemsAsIssues(problems: readonly ImportProblem[]) {
  return problems.map((p) => ({
    path: [p.row !== null ? `rows.${p.row}` : 'file', p.field ?? p.column ?? undefined].filter(Boolean).join('.'),
    message: p.message,
    rule: p.rule,
    value: p.value,
    fix: p.suggestions?.length ? `did you mean ${p.suggestions.join(' or ')}?` : p.fix,
  }));
}

/** The report as the terminal shows it: one summary line, then one line per problem. */
export function formatReport(report: ImportReport): string[] {
  const what = report.type ?? 'rows';
  if (!report.ok) {
    const lines = [
      `${report.fileName}: ${report.problemCount} problem(s) in ${report.rows} row(s); nothing was written`,
      ...report.problems.map(formatProblem),
    ];
    if (report.problemCount > report.problems.length) {
      lines.push(`… and ${report.problemCount - report.problems.length} more`);
    }
    return lines;
  }
  const places = report.placesAdded ? `, ${report.placesAdded} new foreign place(s)` : '';
  const counts = `${report.added} added, ${report.updated} updated, ${report.unchanged} unchanged${places}`;
  return report.dryRun
    ? [
        `${report.fileName}: ${report.rows} ${what} row(s) checked, no problems — would be ${counts}; dry run, nothing written`,
      ]
    : [`${report.fileName}: ${report.rows} ${what} row(s) imported — ${counts}`];
}
