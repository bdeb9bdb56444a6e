/** The browser tab names the page: "友城名录 · 友城 Amity". */
import { useEffect } from 'react';
import { useI18n } from '../i18n/i18n';

export function useTitle(title: string | undefined): void {
  const { t } = useI18n();
  useEffect(() => {
    document.title = title ? `${title} · ${t('app.fullName')}` : t('app.fullName');
  }, [title, t]);
}
