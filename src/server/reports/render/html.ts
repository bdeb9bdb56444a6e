/**
 * The report as one printable HTML page: A4 pages with numbers in the footer, a table of contents
 * that links to each section, charts as inline SVG, table headers repeated on every printed page.
 * Chinese text is set in the fonts Chinese offices use (SimSun / Microsoft YaHei), with the Noto
 * CJK fonts as the fallback on Linux.
 */
import type { ReportDocument } from '../report.model.js';

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

const STYLE = `
@page { size: A4; margin: 22mm 20mm 20mm 20mm;
  @bottom-center { content: counter(page); font: 10pt "Times New Roman", serif; color: #444; } }
:root { color-scheme: light; }
body { font-family: "Times New Roman", SimSun, "宋体", "Songti SC", "Noto Serif CJK SC", serif; font-size: 12pt;
  line-height: 1.75; color: #111; max-width: 170mm; margin: 0 auto; padding: 12mm 0; }
h1, h2, h3, .title, nav h2 { font-family: Arial, "Microsoft YaHei", "微软雅黑", "PingFang SC", "Noto Sans CJK SC", sans-serif; }
.title { font-size: 22pt; text-align: center; margin: 24mm 0 4mm; font-weight: bold; }
.subtitle { text-align: center; font-size: 14pt; margin: 0 0 8mm; }
.basis { text-align: center; font-size: 10.5pt; color: #444; }
nav { page-break-after: always; break-after: page; margin-top: 16mm; }
nav ol { list-style: none; padding-left: 0; } nav li.l2 { padding-left: 2em; }
nav a { color: inherit; text-decoration: none; }
h1 { font-size: 16pt; margin: 10mm 0 3mm; break-after: avoid; }
h2 { font-size: 13.5pt; margin: 6mm 0 2mm; break-after: avoid; }
h1.appendix { break-before: page; page-break-before: always; }
p { text-indent: 2em; margin: 0 0 2mm; text-align: justify; }
p.note { text-indent: 0; color: #555; font-size: 10.5pt; border-left: 3px solid #c8d1dc; padding-left: 3mm; }
ul { margin: 0 0 3mm; }
table { border-collapse: collapse; width: 100%; font-size: 9.5pt; line-height: 1.4; margin: 2mm 0 5mm; }
th, td { border: 1px solid #999; padding: 1.2mm 1.6mm; text-align: left; vertical-align: top; }
th { background: #eef2f6; }
thead { display: table-header-group; } tr { break-inside: avoid; }
figure { margin: 3mm 0 6mm; text-align: center; break-inside: avoid; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-size: 10.5pt; color: #333; }
@media screen { body { padding: 24px; } }
`;

export function renderHtml(doc: ReportDocument): string {
  const lang = doc.lang === 'zh' ? 'zh-CN' : 'en';
  const toc = doc.blocks
    .filter((b) => b.type === 'heading')
    .map((b) => `<li class="l${b.level}"><a href="#${b.id}">${escapeHtml(b.text)}</a></li>`)
    .join('\n');
  const body = doc.blocks
    .map((b) => {
      switch (b.type) {
        case 'heading': {
          const cls = b.id.startsWith('appendix') ? ' class="appendix"' : '';
          return `<h${b.level}${cls} id="${b.id}">${escapeHtml(b.text)}</h${b.level}>`;
        }
        case 'paragraph':
          return `<p>${escapeHtml(b.text)}</p>`;
        case 'note':
          return `<p class="note">${escapeHtml(b.text)}</p>`;
        case 'list':
          return `<ul>${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`;
        case 'table': {
          const cols = b.widths
            ? `<colgroup>${b.widths.map((w) => `<col style="width:${w}%">`).join('')}</colgroup>`
            : '';
          const head = `<thead><tr>${b.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr></thead>`;
          const rows = b.rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('\n');
          return `<table>${cols}${head}<tbody>\n${rows}\n</tbody></table>`;
        }
        case 'chart':
          return `<figure id="chart-${b.id}" role="img" aria-label="${escapeHtml(b.title)}">${b.svg}<figcaption>${escapeHtml(b.title)}</figcaption></figure>`;
      }
      return '';
    })
    .join('\n');
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<div class="title">${escapeHtml(doc.title)}</div>
<div class="subtitle">${escapeHtml(doc.subtitle)}</div>
<div class="basis">${escapeHtml(doc.basis)}</div>
</header>
<nav><h2>${escapeHtml(doc.contentsTitle)}</h2><ol>
${toc}
</ol></nav>
<main>
${body}
</main>
</body>
</html>
`;
}
