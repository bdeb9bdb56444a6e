/**
 * 久未联系: the contacts not contacted for N months (12 unless chosen) as of the date in the
 * context bar: last contact (the latest touch or linked activity) before the cut-off, or never.
 */
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { InputNumber, Space, Table, Typography } from 'antd';
import { CONTACT_CATEGORIES, CONTACT_LIMITS } from '../../../shared/schemas/contact';
import { FilterSelect } from '../../components/filter-select';
import { EmptyState } from '../../components/states';
import { useTitle } from '../../components/use-title';
import { useI18n } from '../../i18n/i18n';
import { useScope } from '../../state/scope';
import { type ContactSummary, PER_PAGE, useSilentContacts } from './contact-api';
import { useContactColumns } from './contact-list.page';
import { ContactError, ContactsGate, ContactTabs, DemoNote, useCanSeeContacts } from './contact-parts';

const route = getRouteApi('/contacts/silent');

export function ContactSilentPage() {
  return (
    <ContactsGate>
      <SilentList />
    </ContactsGate>
  );
}

function SilentList() {
  const { t, d } = useI18n();
  useTitle(t('contacts.silent.title'));
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/contacts/silent' });
  const { scope, asOf } = useScope();
  const canSee = useCanSeeContacts();
  const months = search.months ?? CONTACT_LIMITS.monthsDefault;
  const params = { cn: scope, asOf, months, category: search.category, page: search.page ?? 1, perPage: PER_PAGE };
  const list = useSilentContacts(params, canSee && scope !== undefined);
  const columns = useContactColumns();
  const rows = list.data?.data ?? [];

  return (
    <>
      <div className="page-header">
        <h1>{t('contacts.silent.title')}</h1>
        <ContactTabs current="silent" />
      </div>
      <DemoNote show={rows.some((r) => r.isDemo)} />
      <Space wrap style={{ marginBottom: 12 }} align="end">
        <div className="filter-field">
          <label htmlFor="silent-months">{t('contacts.silent.months')}</label>
          <InputNumber
            id="silent-months"
            min={1}
            max={CONTACT_LIMITS.monthsMax}
            value={months}
            onChange={(value) =>
              void navigate({
                search: (prev) => ({ ...prev, page: undefined, months: value && value !== 12 ? value : undefined }),
                replace: true,
              })
            }
          />
        </div>
        <FilterSelect
          id="silent-category"
          label={t('contacts.category')}
          options={CONTACT_CATEGORIES.map((c) => ({ value: c, label: t(`contacts.category.${c}`) }))}
          value={search.category}
          onChange={(value) =>
            void navigate({ search: (prev) => ({ ...prev, page: undefined, category: value }), replace: true })
          }
          wide
        />
      </Space>
      {list.data ? (
        <Typography.Paragraph>
          <strong data-testid="silent-summary">
            {t('contacts.silent.summary', { asOf: d(list.data.asOf), cutoff: d(list.data.cutoff), n: list.data.total })}
          </strong>
          <span className="muted block">{t('contacts.silent.rule')}</span>
        </Typography.Paragraph>
      ) : null}
      {list.isError ? (
        <ContactError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<ContactSummary>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={list.isPending || (list.isFetching && list.isPlaceholderData)}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: list.isPending ? ' ' : <EmptyState title={t('contacts.silent.empty')} /> }}
          pagination={{
            current: params.page,
            pageSize: PER_PAGE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (n) => t('common.total', { n }),
            onChange: (page) => void navigate({ search: (prev) => ({ ...prev, page: page === 1 ? undefined : page }) }),
          }}
        />
      )}
    </>
  );
}
