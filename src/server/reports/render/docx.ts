/**
 * The report as a Word document (the format offices exchange): Heading 1/2 styles, a table of
 * contents field (pre-filled with the headings, updated with page numbers when Word opens it),
 * page numbers in the footer, tables with a repeated header row, charts as PNG images.
 *
 * Fonts are named the way Word and WPS both resolve them: the East Asian font of body text is
 * SimSun (宋体), of headings Microsoft YaHei (微软雅黑); Latin text uses Times New Roman / Arial.
 */

import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  TableOfContents,
  TextRun,
} from 'docx';
import JSZip from 'jszip';
import type { Block, ReportDocument } from '../report.model.js';

const BODY_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: 'SimSun', cs: 'Times New Roman' };
const HEADING_FONT = { ascii: 'Arial', hAnsi: 'Arial', eastAsia: 'Microsoft YaHei', cs: 'Arial' };
/** A4 text width in twentieths of a point at 2.5 cm margins... in DXA: 11906 - 2 × 1417. */
const TEXT_WIDTH_DXA = 9072;
/** Chart width on the page in pixels at 96 dpi (about 16 cm). */
const CHART_WIDTH_PX = 600;

/**
 * Tables are written as WordprocessingML directly and put in place of a marker paragraph after the
 * package is built: the docx package makes several objects per cell, which at national scale
 * (100,000 pairs in the appendix) would not fit in memory. The XML uses one paragraph style for
 * every cell and the table's own borders, so a row is a few hundred bytes.
 */
const TABLE_STYLE = 'AmityTableText';
const TABLE_MARKER = 'AMITY-TABLE-';

function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}

export function tableXml(block: Extract<Block, { type: 'table' }>): string {
  const widths = block.widths ?? block.columns.map(() => 100 / block.columns.length);
  const dxa = widths.map((w) => Math.round((w / 100) * TEXT_WIDTH_DXA));
  const line = '<w:top w:val="single" w:sz="4" w:space="0" w:color="999999"/>';
  const borders = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']
    .map((side) => line.replace('w:top', `w:${side}`))
    .join('');
  // Body cells carry no properties of their own: the grid (fixed layout) gives the widths and the
  // table the borders, which keeps a row to a couple of hundred bytes.
  const p = (text: string, bold: boolean) =>
    `<w:p><w:pPr><w:pStyle w:val="${TABLE_STYLE}"/></w:pPr><w:r>${bold ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`;
  const cell = (text: string, i: number, header: boolean) =>
    header
      ? `<w:tc><w:tcPr><w:tcW w:w="${dxa[i] ?? 1000}" w:type="dxa"/><w:shd w:val="clear" w:color="auto" w:fill="EEF2F6"/></w:tcPr>${p(text, true)}</w:tc>`
      : `<w:tc>${p(text, false)}</w:tc>`;
  const head = `<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>${block.columns.map((c, i) => cell(c, i, true)).join('')}</w:tr>`;
  const rows = block.rows.map(
    (r) => `<w:tr><w:trPr><w:cantSplit/></w:trPr>${r.map((c, i) => cell(c, i, false)).join('')}</w:tr>`,
  );
  return (
    `<w:tbl><w:tblPr><w:tblW w:w="${TEXT_WIDTH_DXA}" w:type="dxa"/><w:tblBorders>${borders}</w:tblBorders>` +
    `<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr>` +
    `<w:tblGrid>${dxa.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>${head}${rows.join('')}</w:tbl>`
  );
}

function blockChildren(block: Block, tables: Extract<Block, { type: 'table' }>[]): Paragraph[] {
  switch (block.type) {
    case 'heading':
      return [
        new Paragraph({
          heading: block.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
          pageBreakBefore: block.id.startsWith('appendix'),
          children: [new TextRun(block.text)],
        }),
      ];
    case 'paragraph':
      return [
        new Paragraph({
          indent: { firstLine: 480 },
          alignment: AlignmentType.JUSTIFIED,
          children: [new TextRun(block.text)],
        }),
      ];
    case 'note':
      return [
        new Paragraph({ children: [new TextRun({ text: block.text, italics: true, color: '555555', size: 21 })] }),
      ];
    case 'list':
      return block.items.map((item) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(item)] }));
    case 'table':
      // A marker paragraph, replaced by the table's XML once the package is built (see tableXml).
      return [
        new Paragraph({ children: [new TextRun(`${TABLE_MARKER}${tables.push(block) - 1}`)] }),
        new Paragraph({ children: [] }),
      ];
    case 'chart': {
      if (!block.png) throw new Error(`chart ${block.id} was not rasterized`);
      const height = Math.round((CHART_WIDTH_PX * block.height) / block.width);
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          keepNext: true,
          children: [
            new ImageRun({
              type: 'png',
              data: block.png,
              transformation: { width: CHART_WIDTH_PX, height },
              altText: { name: block.id, title: block.title, description: block.title },
            }),
          ],
        }),
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new TextRun({ text: block.title, size: 20, color: '333333' })],
        }),
      ];
    }
  }
}

export async function renderDocx(doc: ReportDocument): Promise<Buffer> {
  const tables: Extract<Block, { type: 'table' }>[] = [];
  const headings = doc.blocks.filter((b) => b.type === 'heading');
  const document = new Document({
    creator: 'Amity',
    title: doc.title,
    description: doc.basis,
    features: { updateFields: true },
    styles: {
      default: {
        document: { run: { font: BODY_FONT, size: 24 }, paragraph: { spacing: { line: 400, after: 80 } } },
        heading1: {
          run: { font: HEADING_FONT, size: 32, bold: true, color: '000000' },
          paragraph: { spacing: { before: 360, after: 160 }, keepNext: true },
        },
        heading2: {
          run: { font: HEADING_FONT, size: 28, bold: true, color: '000000' },
          paragraph: { spacing: { before: 240, after: 120 }, keepNext: true },
        },
        title: { run: { font: HEADING_FONT, size: 44, bold: true, color: '000000' } },
      },
      paragraphStyles: [
        {
          id: TABLE_STYLE,
          name: 'Amity table text',
          basedOn: 'Normal',
          run: { size: 18 },
          paragraph: { spacing: { before: 0, after: 0, line: 260 } },
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 1417, bottom: 1417, left: 1417, right: 1417 },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: 20 })],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({ spacing: { before: 2400 }, children: [] }),
          new Paragraph({
            heading: HeadingLevel.TITLE,
            alignment: AlignmentType.CENTER,
            children: [new TextRun(doc.title)],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: 240, after: 480 },
            children: [new TextRun({ text: doc.subtitle, size: 28 })],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: doc.basis, size: 21, color: '444444' })],
          }),
          new Paragraph({ children: [new PageBreak()] }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: doc.contentsTitle, bold: true, size: 32, font: HEADING_FONT })],
          }),
          new TableOfContents(doc.contentsTitle, {
            hyperlink: true,
            headingStyleRange: '1-2',
            cachedEntries: headings.map((h) => ({ title: h.text, level: h.level })),
          }),
          new Paragraph({ children: [new PageBreak()] }),
          ...doc.blocks.flatMap((b) => blockChildren(b, tables)),
        ],
      },
    ],
  });
  const zip = await JSZip.loadAsync(await Packer.toBuffer(document));
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  // Each marker is the only text of its paragraph: the whole <w:p> is replaced by the table.
  const filled = xml.replace(
    new RegExp(`<w:p>(?:(?!<w:p>).)*?${TABLE_MARKER}(\\d+)</w:t></w:r></w:p>`, 'g'),
    (_, n: string) => tableXml(tables[Number(n)] as Extract<Block, { type: 'table' }>),
  );
  zip.file('word/document.xml', filled);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 1 } });
}
