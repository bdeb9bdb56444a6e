/**
 * The 17 UN Sustainable Development Goals (2030 Agenda, General Assembly resolution A/RES/70/1),
 * by number, with their short names as the United Nations publishes them in English
 * (https://www.un.org/sustainabledevelopment/sustainable-development-goals/) and in Chinese
 * (https://www.un.org/sustainabledevelopment/zh/sustainable-development-goals/).
 */
export type Sdg = { number: number; nameZh: string; nameEn: string };

export const SDGS: readonly Sdg[] = [
  { number: 1, nameZh: '无贫穷', nameEn: 'No poverty' },
  { number: 2, nameZh: '零饥饿', nameEn: 'Zero hunger' },
  { number: 3, nameZh: '良好健康与福祉', nameEn: 'Good health and well-being' },
  { number: 4, nameZh: '优质教育', nameEn: 'Quality education' },
  { number: 5, nameZh: '性别平等', nameEn: 'Gender equality' },
  { number: 6, nameZh: '清洁饮水和卫生设施', nameEn: 'Clean water and sanitation' },
  { number: 7, nameZh: '经济适用的清洁能源', nameEn: 'Affordable and clean energy' },
  { number: 8, nameZh: '体面工作和经济增长', nameEn: 'Decent work and economic growth' },
  { number: 9, nameZh: '产业、创新和基础设施', nameEn: 'Industry, innovation and infrastructure' },
  { number: 10, nameZh: '减少不平等', nameEn: 'Reduced inequalities' },
  { number: 11, nameZh: '可持续城市和社区', nameEn: 'Sustainable cities and communities' },
  { number: 12, nameZh: '负责任消费和生产', nameEn: 'Responsible consumption and production' },
  { number: 13, nameZh: '气候行动', nameEn: 'Climate action' },
  { number: 14, nameZh: '水下生物', nameEn: 'Life below water' },
  { number: 15, nameZh: '陆地生物', nameEn: 'Life on land' },
  { number: 16, nameZh: '和平、正义与强大机构', nameEn: 'Peace, justice and strong institutions' },
  { number: 17, nameZh: '促进目标实现的伙伴关系', nameEn: 'Partnerships for the goals' },
];

export const SDG_MIN = 1;
export const SDG_MAX = 17;

export function sdgOf(n: number): Sdg | undefined {
  return SDGS[n - 1];
}

/** "SDG 2 Zero hunger" / "目标2 零饥饿" */
export function sdgLabel(n: number, lang: 'zh-CN' | 'en'): string {
  const sdg = sdgOf(n);
  if (!sdg) return String(n);
  return lang === 'en' ? `SDG ${n} ${sdg.nameEn}` : `目标${n} ${sdg.nameZh}`;
}
