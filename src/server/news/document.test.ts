import { Document, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { checkedText, htmlToText, readDocument } from './document.js';

const rule = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as { details?: { issues?: { rule?: string }[] } }).details?.issues?.[0]?.rule;
  }
  return undefined;
};

describe('reading a report', () => {
  it('reads the paragraphs of a .docx', async () => {
    const doc = new Document({
      sections: [{ children: [new Paragraph('湖南省共有国际友城110对，'), new Paragraph('其中省级31对。')] }],
    });
    const text = readDocument('report.docx', await Packer.toBuffer(doc));
    expect(text).toBe('湖南省共有国际友城110对，\n其中省级31对。');
  });

  it('reads HTML as its text: scripts, styles and comments dropped, entities decoded', () => {
    const html =
      '<html><head><title>t</title><style>p{}</style></head><body><!-- x --><p>友城&nbsp;110&#23545;</p><script>alert(1)</script></body></html>';
    expect(htmlToText(html)).toBe('友城 110对');
    expect(checkedText(html)).toBe('友城 110对');
  });

  it('decodes GB18030 text files and refuses junk with its reason', () => {
    const gb = Buffer.from([0xd3, 0xd1, 0xb3, 0xc7]); // 友城 in GB18030
    expect(readDocument('a.txt', gb)).toBe('友城');
    expect(rule(() => readDocument('a.txt', Buffer.alloc(0)))).toBe('news_empty');
    expect(rule(() => readDocument('a.docx', Buffer.from('PK\u0003\u0004 not a zip')))).toBe('news_unreadable_docx');
    expect(rule(() => checkedText('\u0000\u0001\u0002binary'))).toBe('news_binary');
    expect(rule(() => checkedText('<html><script>x()</script></html>'))).toBe('news_empty');
  });
});
