import { Link } from '@tanstack/react-router';
import { Button, Result } from 'antd';
import { useI18n } from '../i18n/i18n';

export function NotFound() {
  const { t } = useI18n();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('state.notFound')}
      extra={
        <Link to="/">
          <Button type="primary" tabIndex={-1}>
            {t('state.backHome')}
          </Button>
        </Link>
      }
    />
  );
}
