/**
 * The names a Chinese division goes by besides its full name: 长沙 for 长沙市, and for the
 * autonomous prefectures, counties and banners the everyday short name without the peoples:
 * 湘西土家族苗族自治州 → 湘西州, 湘西; 元江哈尼族彝族傣族自治县 → 元江县, 元江.
 */

/**
 * The 56 peoples of China as their names stand in division names, from GB/T 3304-1991 (中国各民族
 * 名称的罗马字母拼写法和代码); 族 is added where they are matched. Longer names first, so that
 * 土家 is taken before 土 and 蒙古 before nothing.
 */
export const ETHNIC_NAMES: readonly string[] = [
  '汉',
  '蒙古',
  '回',
  '藏',
  '维吾尔',
  '苗',
  '彝',
  '壮',
  '布依',
  '朝鲜',
  '满',
  '侗',
  '瑶',
  '白',
  '土家',
  '哈尼',
  '哈萨克',
  '傣',
  '黎',
  '傈僳',
  '佤',
  '畲',
  '高山',
  '拉祜',
  '水',
  '东乡',
  '纳西',
  '景颇',
  '柯尔克孜',
  '土',
  '达斡尔',
  '仫佬',
  '羌',
  '布朗',
  '撒拉',
  '毛南',
  '仡佬',
  '锡伯',
  '阿昌',
  '普米',
  '塔吉克',
  '怒',
  '乌孜别克',
  '俄罗斯',
  '鄂温克',
  '德昂',
  '保安',
  '裕固',
  '京',
  '塔塔尔',
  '独龙',
  '鄂伦春',
  '赫哲',
  '门巴',
  '珞巴',
  '基诺',
].sort((a, b) => b.length - a.length);

const PEOPLES = `(?:(?:${ETHNIC_NAMES.join('|')})族)+`;
/** 湘西 + 土家族苗族 + 自治州; 元江 + 哈尼族彝族傣族 + 自治县. */
const AUTONOMOUS = new RegExp(`^(.+?)${PEOPLES}自治(州|县|旗)$`);
/** The administrative suffix of a name, longest first: 长沙市 → 长沙. */
const SUFFIX =
  /(壮族自治区|回族自治区|维吾尔自治区|特别行政区|自治区|自治州|自治县|自治旗|地区|林区|特区|省|市|盟|县|区|旗)$/;

/** Chinese division names without their administrative suffix: 长沙市 → 长沙 (two characters at least). */
export function shortDivisionName(nameZh: string): string {
  const short = nameZh.replace(SUFFIX, '');
  return short.length >= 2 ? short : nameZh;
}

/**
 * Every name a division is written by, its full name first: 湘西土家族苗族自治州 → [湘西土家族苗族自治州,
 * 湘西州, 湘西]; 长沙市 → [长沙市, 长沙]; 内蒙古自治区 → [内蒙古自治区, 内蒙古]. A one-character
 * remainder is no name of its own (城区 stays 城区).
 */
export function divisionNameForms(nameZh: string): string[] {
  const forms = [nameZh];
  const autonomous = AUTONOMOUS.exec(nameZh);
  if (autonomous) {
    const base = autonomous[1] as string;
    forms.push(`${base}${autonomous[2]}`);
    if (base.length >= 2) forms.push(base);
  } else {
    const short = shortDivisionName(nameZh);
    if (short !== nameZh) forms.push(short);
  }
  return forms;
}
