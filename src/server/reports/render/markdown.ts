/** The report as Markdown: headings, paragraphs, lists, pipe tables, and charts as embedded PNG images. */
import type { ReportDocument } from '../report.model.js';

/** Text that Markdown would otherwise read as markup. */
function escapeMd(text: string): string {
  return text.replace(/([\\`*_[\]<>|])/g, '\\$1').replace(/^(#|\d+\.|[-+] )/, '\\$1');
}

function cell(text: string): string {
  return escapeMd(text).replace(/\r?\n/g, ' ');
}

export function renderMarkdown(doc: ReportDocument): string {
  const out: string[] = [`# ${escapeMd(doc.title)}`, '', `**${escapeMd(doc.subtitle)}**`, '', escapeMd(doc.basis), ''];
  out.push(`## ${escapeMd(doc.contentsTitle)}`, '');
  for (const b of doc.blocks) {
    if (b.type === 'heading') out.push(`${b.level === 1 ? '' : '  '}- ${escapeMd(b.text)}`);
  }
  out.push('');
  for (const b of doc.blocks) {
    switch (b.type) {
      case 'heading':
        out.push(`${'#'.repeat(b.level + 1)} ${escapeMd(b.text)}`, '');
        break;
      case 'paragraph':
        out.push(escapeMd(b.text), '');
        break;
      case 'note':
        out.push(`> ${escapeMd(b.text)}`, '');
        break;
      case 'list':
        out.push(...b.items.map((i) => `- ${escapeMd(i)}`), '');
        break;
      case 'table':
        out.push(`| ${b.columns.map(cell).join(' | ')} |`, `|${b.columns.map(() => ' --- ').join('|')}|`);
        out.push(...b.rows.map((r) => `| ${r.map(cell).join(' | ')} |`), '');
        break;
      case 'chart':
        if (!b.png) throw new Error(`chart ${b.id} was not rasterized`);
        out.push(`![${escapeMd(b.title)}](data:image/png;base64,${Buffer.from(b.png).toString('base64')})`, '');
        break;
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}
