import { describe, expect, it } from 'vitest';
import { citeSource, inLanguage, isFilePath } from './citation.js';

describe('inLanguage', () => {
  const both = '示意数据：报告未给出面积，此数仅为演示，不是事实。Illustrative: the report gives no area.';
  it('takes the Chinese or the English half of a text written in both', () => {
    expect(inLanguage(both, 'zh')).toBe('示意数据：报告未给出面积，此数仅为演示，不是事实。');
    expect(inLanguage(both, 'zh-CN')).toBe('示意数据：报告未给出面积，此数仅为演示，不是事实。');
    expect(inLanguage(both, 'en')).toBe('Illustrative: the report gives no area.');
  });
  it('splits after a closing bracket too, and past a Latin name inside the Chinese half', () => {
    const text = '湖南省与Bridgetown签署协议（2023年6月）。Hunan signed with Bridgetown (June 2023).';
    expect(inLanguage(text, 'zh')).toBe('湖南省与Bridgetown签署协议（2023年6月）。');
    expect(inLanguage(text, 'en')).toBe('Hunan signed with Bridgetown (June 2023).');
  });
  it('leaves a text in one language, or mixed within a sentence, as it is', () => {
    expect(inLanguage('覆盖23个国家。', 'en')).toBe('覆盖23个国家。');
    expect(inLanguage('23 countries reached.', 'zh')).toBe('23 countries reached.');
    expect(inLanguage('与 Arezzo 市长会见。双方签署备忘录。', 'en')).toBe('与 Arezzo 市长会见。双方签署备忘录。');
  });
});

describe('citeSource', () => {
  it('never shows a path of the code', () => {
    expect(isFilePath('data/groups/bri.csv')).toBe(true);
    expect(citeSource('data/groups/bri.csv', null, 'zh')).toBeNull();
    expect(isFilePath('华声在线 (hunan.voc.com.cn)')).toBe(false);
  });
  it('keeps the publisher and drops the notes', () => {
    const source = "华声在线 (hunan.voc.com.cn), 2024-11-28, report to the standing committee; NOTE the page's levels";
    expect(citeSource(source, null, 'zh')).toBe('华声在线');
    expect(citeSource(source, null, 'en')).toBe('华声在线');
  });
  it('in Chinese, cites the site for an English lead; in English, the lead', () => {
    const source = 'Jiangsu foreign affairs office work news, 2024-11-20; first nationally';
    expect(citeSource(source, 'https://www.jsfao.gov.cn/art/2024/11/20.html', 'zh')).toBe('jsfao.gov.cn');
    expect(citeSource(source, 'https://www.jsfao.gov.cn/art/2024/11/20.html', 'en')).toBe(
      'Jiangsu foreign affairs office work news',
    );
    // No address and no Chinese name: nothing English is put into a Chinese page.
    expect(citeSource(source, null, 'zh')).toBeNull();
  });
  it('in Chinese, keeps the Chinese name of a publication cited in English', () => {
    expect(citeSource('CCTV report reprinted by 中国产业经济信息网, 2024-11-21: 31 provinces', null, 'zh')).toBe(
      '中国产业经济信息网',
    );
    expect(
      citeSource('zh.wikipedia featured list 吉林省国际友好城市列表 via 54e1ad4b4888.kfd.me mirror', null, 'zh'),
    ).toBe('维基百科《吉林省国际友好城市列表》');
    expect(citeSource('zh.wikipedia featured list (2023-07-07)', null, 'zh')).toBe('维基百科');
    expect(citeSource('CIFCA figures reported by handmsg.com, 2014-04-29 (top three)', null, 'zh')).toBe('handmsg.com');
    expect(citeSource('CPAFFC 友城查询 (cpaffc.org.cn/index/friend_city) page summary', null, 'zh')).toBe(
      'CPAFFC 友城查询',
    );
    expect(citeSource('zh.wikipedia list 湖北省 via wikiwand.com/zh/articles/x', null, 'en')).toBe(
      'zh.wikipedia list 湖北省',
    );
  });
  it('cites a bare address by its site', () => {
    expect(citeSource('https://zh.wikipedia.org/wiki/x', null, 'zh')).toBe('zh.wikipedia.org');
    expect(citeSource('', null, 'zh')).toBeNull();
  });
});
