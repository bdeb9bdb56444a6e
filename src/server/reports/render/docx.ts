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
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Block, ReportDocument } from '../report.model.js';

const BODY_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: 'SimSun', cs: 'Times New Roman' };
const HEADING_FONT = { ascii: 'Arial', hAnsi: 'Arial', eastAsia: 'Microsoft YaHei', cs: 'Arial' };
/** A4 text width in twentieths of a point at 2.5 cm margins... in DXA: 11906 - 2 × 1417. */
const TEXT_WIDTH_DXA = 9072;
/** Chart width on the page in pixels at 96 dpi (about 16 cm). */
const CHART_WIDTH_PX = 600;

const border = { style: BorderStyle.SINGLE, size: 4, color: '999999' };
const borders = { top: border, bottom: border, left: border, right: border };

function cellParagraph(text: string, bold = false): Paragraph {
  return new Paragraph({
    spacing: { before: 0, after: 0, line: 260 },
    children: [new TextRun({ text, bold, size: 18 })],
  });
}

function table(block: Extract<Block, { type: 'table' }>): Table {
  const widths = block.widths ?? block.columns.map(() => 100 / block.columns.length);
  const dxa = widths.map((w) => Math.round((w / 100) * TEXT_WIDTH_DXA));
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: block.columns.map(
      (c, i) =>
        new TableCell({
          borders,
          width: { size: dxa[i] ?? 1000, type: WidthType.DXA },
          shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'EEF2F6' },
          children: [cellParagraph(c, true)],
        }),
    ),
  });
  const rows = block.rows.map(
    (r) =>
      new TableRow({
        cantSplit: true,
        children: r.map(
          (c, i) =>
            new TableCell({
              borders,
              width: { size: dxa[i] ?? 1000, type: WidthType.DXA },
              children: [cellParagraph(c)],
            }),
        ),
      }),
  );
  return new Table({
    width: { size: TEXT_WIDTH_DXA, type: WidthType.DXA },
    columnWidths: dxa,
    rows: [header, ...rows],
  });
}

function blockChildren(block: Block): (Paragraph | Table)[] {
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
      return [table(block), new Paragraph({ children: [] })];
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
          ...doc.blocks.flatMap(blockChildren),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
