import { Link } from '@tanstack/react-router';
import { useI18n } from '../i18n/i18n';

export function NotFound() {
  const { t } = useI18n();
  return (
    <div className="state-box">
      <p className="state-code" aria-hidden>
        404
      </p>
      <h2>{t('state.notFound')}</h2>
      <Link to="/">{t('state.backHome')}</Link>
    </div>
  );
}
