/** antd theme: Chinese system fonts first, so characters never fall back to boxes. */
import type { ThemeConfig } from 'antd';

export const FONT_FAMILY =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', " +
  "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', 'Helvetica Neue', Arial, sans-serif";

/**
 * Text and link colours dark enough for WCAG AA (4.5:1 on white and on the page's #f4f6f9): antd's
 * defaults for secondary text (#8c8c8c), placeholders (#bfbfbf), links (#1677ff), errors and
 * success tags fall below it, and the browser tests run axe on every page.
 */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1d5fa8',
    colorLink: '#1d5fa8',
    colorInfo: '#1d5fa8',
    colorError: '#c0262d',
    colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
    colorTextQuaternary: 'rgba(0, 0, 0, 0.56)',
    fontFamily: FONT_FAMILY,
    borderRadius: 6,
  },
};

/** The same without antd's motion (dialogs, drawers and menus open at once), for those who ask for less. */
export const stillTheme: ThemeConfig = { ...theme, token: { ...theme.token, motion: false } };
