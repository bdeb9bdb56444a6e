/**
 * The message catalog shared by the server, the CLI and the web app. Every user-facing string
 * has a zh-CN and an en entry; messages.test.ts fails when a key is missing from either.
 */
import type { ErrorCode } from './errors.js';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

type Catalog = Record<string, string>;

const zh = {
  'error.not_found': '找不到该记录',
  'error.validation_failed': '输入有误，请按提示修改',
  'error.conflict': '该记录已被他人修改，请刷新后再改',
  'error.forbidden': '无权执行此操作',
  'error.unauthenticated': '请先登录',
  'error.rate_limited': '请求过于频繁，请稍后再试',
  'error.payload_too_large': '提交的内容过大',
  'error.unavailable': '数据库暂时不可用，请稍后重试',
  'error.internal': '服务器内部错误',
  'level.provincial': '省级',
  'level.city': '市级',
  'level.county': '县级',
  'kind.friendship': '友好城市',
  'kind.exchange': '友好交流城市',
  'status.active': '活跃',
  'status.dormant': '休眠',
  'status.ended': '已终止',
  'continent.asia': '亚洲',
  'continent.europe': '欧洲',
  'continent.africa': '非洲',
  'continent.americas': '美洲',
  'continent.oceania': '大洋洲',
  'continent.antarctica': '南极洲',
} satisfies Catalog;

const en: Record<keyof typeof zh, string> = {
  'error.not_found': 'Record not found',
  'error.validation_failed': 'Some input is invalid; see each field',
  'error.conflict': 'Someone else changed this record; reload it before saving',
  'error.forbidden': 'You are not allowed to do this',
  'error.unauthenticated': 'Please sign in',
  'error.rate_limited': 'Too many requests; try again shortly',
  'error.payload_too_large': 'The request is too large',
  'error.unavailable': 'The database is unavailable; try again shortly',
  'error.internal': 'Internal server error',
  'level.provincial': 'Provincial',
  'level.city': 'City',
  'level.county': 'County',
  'kind.friendship': 'Friendship city',
  'kind.exchange': 'Friendly exchange',
  'status.active': 'Active',
  'status.dormant': 'Dormant',
  'status.ended': 'Ended',
  'continent.asia': 'Asia',
  'continent.europe': 'Europe',
  'continent.africa': 'Africa',
  'continent.americas': 'Americas',
  'continent.oceania': 'Oceania',
  'continent.antarctica': 'Antarctica',
};

export type MessageKey = keyof typeof zh;
export const CATALOGS: Record<Language, Record<MessageKey, string>> = { 'zh-CN': zh, en };

export function t(lang: Language, key: MessageKey): string {
  return CATALOGS[lang][key];
}

export function errorMessage(lang: Language, code: ErrorCode): string {
  return CATALOGS[lang][`error.${code}`];
}

/** Picks zh-CN or en from an Accept-Language header or a `lang` parameter; zh-CN by default. */
export function pickLanguage(header: string | null | undefined): Language {
  if (!header) return 'zh-CN';
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-CN';
}
