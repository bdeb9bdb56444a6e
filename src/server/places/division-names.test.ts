import { describe, expect, it } from 'vitest';
import { divisionNameForms, ETHNIC_NAMES, shortDivisionName } from './division-names.js';
import { divisionPath, findCountry, getReferenceCache, resolveDivisionName } from './reference-cache.js';

const cache = getReferenceCache();
const read = (text: string) => {
  const r = resolveDivisionName(cache, text);
  return [r.how, ...r.divisions.map((d) => `${divisionPath(cache, d)} ${d.code}`)];
};

describe('division names', () => {
  it('lists the 56 peoples', () => {
    expect(new Set(ETHNIC_NAMES).size).toBe(56);
  });

  it('gives the everyday short names of autonomous divisions', () => {
    expect(divisionNameForms('湘西土家族苗族自治州')).toEqual(['湘西土家族苗族自治州', '湘西州', '湘西']);
    expect(divisionNameForms('元江哈尼族彝族傣族自治县')).toEqual(['元江哈尼族彝族傣族自治县', '元江县', '元江']);
    expect(divisionNameForms('恩施土家族苗族自治州')).toEqual(['恩施土家族苗族自治州', '恩施州', '恩施']);
    expect(divisionNameForms('延边朝鲜族自治州')).toEqual(['延边朝鲜族自治州', '延边州', '延边']);
    expect(divisionNameForms('长沙市')).toEqual(['长沙市', '长沙']);
    expect(divisionNameForms('广西壮族自治区')).toEqual(['广西壮族自治区', '广西']);
    expect(divisionNameForms('城区')).toEqual(['城区']);
    expect(shortDivisionName('神农架林区')).toBe('神农架');
  });

  it('resolves names as people write them', () => {
    expect(read('湘西州')).toEqual(['name', '湖南省/湘西土家族苗族自治州 433100']);
    expect(read('元江县')).toEqual(['name', '云南省/玉溪市/元江哈尼族彝族傣族自治县 530428']);
    expect(read('長沙市')).toEqual(['name', '湖南省/长沙市 430100']);
    expect(read('湖南省长沙市')).toEqual(['run_together', '湖南省/长沙市 430100']);
    expect(read('玉溪市元江县')).toEqual(['run_together', '云南省/玉溪市/元江哈尼族彝族傣族自治县 530428']);
    expect(read('湖南省长沙市浏阳市')).toEqual(['run_together', '湖南省/长沙市/浏阳市 430181']);
    expect(read('湖南/湘西州')).toEqual(['name', '湖南省/湘西土家族苗族自治州 433100']);
  });

  it('resolves a former name to the division of today, from the GB/T 2260 tables', () => {
    expect(read('吴江市')).toEqual(['former', '江苏省/苏州市/吴江区 320509']);
    expect(read('通州市')).toEqual(['former', '江苏省/南通市/通州区 320612']);
    expect(read('襄樊市')).toEqual(['former', '湖北省/襄阳市 420600']);
    // An abolished division has no division of today: found, with its history, but none to read it as.
    const abolished = resolveDivisionName(cache, '崇文区');
    expect(abolished.how).toBe('former');
    expect(abolished.divisions).toEqual([]);
    expect(abolished.former?.[0]).toMatchObject({ formerCode: '110103', change: 'abolished', codeToday: null });
    expect(read('不存在县')).toEqual(['none']);
  });

  it('finds countries by their official, former and regional names', () => {
    const iso = (name: string) => findCountry(cache, name)?.iso2;
    expect(['蒙古国', '大韩民国', '韓國', '朝鲜', '老挝', '寮國', '英国', '联合王国', '紐西蘭'].map(iso)).toEqual([
      'MN',
      'KR',
      'KR',
      'KP',
      'LA',
      'LA',
      'GB',
      'GB',
      'NZ',
    ]);
    expect(['刚果（布）', '刚果共和国', '刚果(金)', '刚果民主共和国', '扎伊尔'].map(iso)).toEqual([
      'CG',
      'CG',
      'CD',
      'CD',
      'CD',
    ]);
    expect(iso('刚果')).toBeUndefined();
  });
});
