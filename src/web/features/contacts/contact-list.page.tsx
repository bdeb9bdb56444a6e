/**
 * 联系人: the contacts of the scope, searchable by name (Chinese, English, pinyin), organisation,
 * city and post, filtered by category, with each one's current post and last contact. Exporting is
 * deliberate: a dialog asks for a purpose and a confirmation, and the server writes both to the
 * audit trail.
 */
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { Button, Input, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo, useState } from 'react';
import { CONTACT_CATEGORIES } from '../../../shared/schemas/contact';
import { useCountries } from '../../api/queries';
import { FilterSelect } from '../../components/filter-select';
import { EmptyState } from '../../components/states';
import { useTitle } from '../../components/use-title';
import { useI18n } from '../../i18n/i18n';
import { useScope } from '../../state/scope';
import { type ContactSummary, contactName, PER_PAGE, useContactList } from './contact-api';
import { ExportDialog } from './contact-export';
import {
  CategoryTag,
  ContactError,
  ContactsGate,
  ContactTabs,
  DemoNote,
  DemoTag,
  useCanSeeContacts,
} from './contact-parts';
import type { ContactSearch } from './contact-search';

const route = getRouteApi('/contacts');

export function ContactListPage() {
  return (
    <ContactsGate>
      <ContactList />
    </ContactsGate>
  );
}

/** The columns shared by both lists of contacts. */
export function useContactColumns(): ColumnsType<ContactSummary> {
  const { t, lang, d, name } = useI18n();
  const countries = useCountries();
  return useMemo(() => {
    const country = new Map((countries.data ?? []).map((c) => [c.iso2, c]));
    return [
      {
        key: 'name',
        title: t('contacts.name'),
        render: (_, c) => (
          <span>
            <Link to="/contacts/$id" params={{ id: c.id }}>
              {contactName(c, lang)}
            </Link>{' '}
            {c.isDemo ? <DemoTag /> : null}
            {c.nameOriginal && c.nameOriginal !== contactName(c, lang) ? (
              <span className="muted block">{c.nameOriginal}</span>
            ) : null}
          </span>
        ),
      },
      { key: 'category', title: t('contacts.category'), render: (_, c) => <CategoryTag category={c.category} /> },
      {
        key: 'post',
        title: t('contacts.currentPost'),
        render: (_, c) =>
          c.currentRoles.length ? (
            c.currentRoles.map((r) => (
              <span key={r.id} className="block">
                {r.post} <span className="muted">· {r.organisation}</span>
              </span>
            ))
          ) : (
            <span className="muted">{c.organisation ?? t('common.none')}</span>
          ),
      },
      {
        key: 'country',
        title: t('contacts.country'),
        render: (_, c) => {
          const found = c.countryIso2 ? country.get(c.countryIso2) : undefined;
          const where = [found ? name(found.nameZh, found.nameEn) : c.countryIso2, c.city].filter(Boolean).join(' · ');
          return where || <span className="muted">{t('common.none')}</span>;
        },
      },
      {
        key: 'lastContact',
        title: t('contacts.lastContact'),
        render: (_, c) => (c.lastContact ? d(c.lastContact) : <span className="muted">{t('contacts.never')}</span>),
      },
      { key: 'office', title: t('contacts.office'), render: (_, c) => name(c.cnNameZh, c.cnNameEn) },
    ];
  }, [t, lang, d, name, countries.data]);
}

function ContactList() {
  const { t } = useI18n();
  useTitle(t('contacts.title'));
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/contacts' });
  const { scope, asOf } = useScope();
  const [text, setText] = useState(search.q ?? '');
  const [exporting, setExporting] = useState(false);
  const canSee = useCanSeeContacts();
  const params = {
    cn: scope,
    // Last contact as of the shell's day, as 久未联系 counts it.
    asOf,
    q: search.q,
    category: search.category,
    page: search.page ?? 1,
    perPage: PER_PAGE,
  };
  const list = useContactList(params, canSee && scope !== undefined);
  const columns = useContactColumns();

  const update = (patch: Partial<ContactSearch>) =>
    void navigate({ search: (prev) => ({ ...prev, page: undefined, ...patch }), replace: true });

  useEffect(() => setText(search.q ?? ''), [search.q]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: update() is made anew each render from the current search; the timer must restart only when the typed text or the address's q changes.
  useEffect(() => {
    const value = text.trim() || undefined;
    if (value === search.q) return;
    const timer = setTimeout(() => update({ q: value }), 300);
    return () => clearTimeout(timer);
  }, [text, search.q]);

  const rows = list.data?.data ?? [];
  return (
    <>
      <div className="page-header">
        <h1>{t('contacts.title')}</h1>
        <Space wrap>
          <ContactTabs current="list" />
          <Link to="/contacts/new">
            <Button type="primary" icon={<PlusOutlined />} tabIndex={-1}>
              {t('contacts.new')}
            </Button>
          </Link>
          <Button icon={<DownloadOutlined />} onClick={() => setExporting(true)} disabled={!list.data?.total}>
            {t('contacts.export')}
          </Button>
        </Space>
      </div>
      <Typography.Paragraph type="secondary">{t('contacts.personalData')}</Typography.Paragraph>
      <DemoNote show={rows.some((r) => r.isDemo)} />
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          aria-label={t('contacts.search')}
          placeholder={t('contacts.search')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          style={{ width: 380, maxWidth: '100%' }}
        />
        <FilterSelect
          id="contact-category"
          label={t('contacts.category')}
          options={CONTACT_CATEGORIES.map((c) => ({ value: c, label: t(`contacts.category.${c}`) }))}
          value={search.category}
          onChange={(value) => update({ category: value })}
          wide
        />
      </Space>
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
          locale={{ emptyText: list.isPending ? ' ' : <EmptyState title={t('contacts.empty')} /> }}
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
      <ExportDialog
        open={exporting}
        onClose={() => setExporting(false)}
        count={list.data?.total ?? 0}
        filter={{ cn: scope, q: search.q, category: search.category }}
      />
    </>
  );
}
