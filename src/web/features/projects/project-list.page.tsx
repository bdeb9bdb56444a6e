/**
 * 合作项目: the projects of the scope, filtered by field, status, SDG and country, searched in
 * Chinese, English or pinyin. Every choice is in the address.
 */
import { PlusOutlined } from '@ant-design/icons';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { Button, Card, Input, Select, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo, useState } from 'react';
import { FIELDS } from '../../../shared/enums';
import { PROJECT_STATUSES } from '../../../shared/schemas/project';
import { SDGS } from '../../../shared/sdg';
import { useCountries } from '../../api/queries';
import { FilterSelect } from '../../components/filter-select';
import { EmptyState, ErrorState } from '../../components/states';
import { useTitle } from '../../components/use-title';
import { useI18n } from '../../i18n/i18n';
import { useScope } from '../../state/scope';
import { stringifySearch } from '../../state/search';
import { FieldText, ProjectStatusTag, SdgTag, sdgName } from './labels';
import { type Project, useProjectList } from './project-api';
import { type ProjectSearch, projectQuery } from './project-search';

const route = getRouteApi('/projects');

export function ProjectListPage() {
  const { t, d, name, lang } = useI18n();
  useTitle(t('projects.title'));
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/projects' });
  const { scope, asOf } = useScope();
  const query = projectQuery(search, scope);
  const list = useProjectList(query, Boolean(scope));
  const countries = useCountries();
  const [text, setText] = useState(search.q ?? '');
  const update = (patch: Partial<ProjectSearch>) =>
    void navigate({ search: { ...search, page: undefined, ...patch }, replace: true });

  useEffect(() => setText(search.q ?? ''), [search.q]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: update() is made anew each render from the current search; the timer must restart only when the typed text or the address's q changes.
  useEffect(() => {
    const value = text.trim() || undefined;
    if (value === search.q) return;
    const timer = setTimeout(() => update({ q: value }), 300);
    return () => clearTimeout(timer);
  }, [text, search.q]);

  const countryName = useMemo(() => {
    const map = new Map((countries.data ?? []).map((c) => [c.iso2, name(c.nameZh, c.nameEn)]));
    return (iso2: string) => map.get(iso2) ?? iso2;
  }, [countries.data, name]);

  const columns: ColumnsType<Project> = [
    {
      key: 'name',
      title: t('project.name'),
      render: (_, p) => (
        <span>
          <a
            href={`/projects/${p.id}${stringifySearch({ scope: search.scope, asOf })}`}
            onClick={(event) => {
              if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
              event.preventDefault();
              void navigate({ to: '/projects/$id', params: { id: p.id } });
            }}
          >
            {name(p.nameZh, p.nameEn)}
          </a>
          {p.isDemo ? <Tag style={{ marginLeft: 8 }}>{t('project.demo')}</Tag> : null}
          {lang === 'zh-CN' && p.nameZh && p.nameEn ? (
            <span className="muted block" lang="en">
              {p.nameEn}
            </span>
          ) : null}
        </span>
      ),
    },
    { key: 'field', title: t('project.field'), render: (_, p) => <FieldText field={p.field} /> },
    { key: 'status', title: t('project.statusLabel'), render: (_, p) => <ProjectStatusTag status={p.status} /> },
    {
      key: 'countries',
      title: t('project.countries'),
      render: (_, p) => p.countries.map(countryName).join(lang === 'zh-CN' ? '、' : ', '),
    },
    {
      key: 'sdgs',
      title: t('project.sdgs'),
      render: (_, p) => p.sdgs.map((n) => <SdgTag key={n} n={n} />),
    },
    {
      key: 'period',
      title: t('project.period'),
      render: (_, p) =>
        p.startOn || p.endOn ? `${d(p.startOn) || '…'} – ${d(p.endOn) || '…'}` : <span className="muted">—</span>,
    },
  ];

  return (
    <>
      <div className="page-header">
        <h1>{t('projects.title')}</h1>
        <Link to="/projects/new">
          <Button type="primary" icon={<PlusOutlined />} tabIndex={-1}>
            {t('projects.new')}
          </Button>
        </Link>
      </div>
      <Card size="small" style={{ marginBottom: 16 }}>
        <div className="filter-row" style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'flex-end' }}>
          <div className="filter-field" style={{ minWidth: 220 }}>
            <label htmlFor="project-q">{t('projects.search')}</label>
            <Input.Search
              id="project-q"
              allowClear
              value={text}
              placeholder={t('projects.searchPlaceholder')}
              onChange={(e) => setText(e.target.value)}
            />
          </div>
          <FilterSelect
            id="project-field"
            label={t('project.field')}
            value={search.field}
            options={FIELDS.map((f) => ({ value: f, label: t(`project.field.${f}`) }))}
            onChange={(field) => update({ field })}
          />
          <FilterSelect
            id="project-status"
            label={t('project.statusLabel')}
            value={search.status}
            options={PROJECT_STATUSES.map((s) => ({ value: s, label: t(`project.status.${s}`) }))}
            onChange={(status) => update({ status })}
          />
          <div className="filter-field" style={{ minWidth: 220 }}>
            <label htmlFor="project-sdg">{t('project.sdg')}</label>
            <Select<number>
              id="project-sdg"
              allowClear
              value={search.sdg}
              placeholder={t('common.all')}
              options={SDGS.map((s) => ({ value: s.number, label: sdgName(s.number, lang) }))}
              onChange={(sdg) => update({ sdg: sdg ?? undefined })}
              popupMatchSelectWidth={false}
            />
          </div>
          <FilterSelect
            id="project-country"
            label={t('project.countries')}
            value={search.country}
            wide
            loading={countries.isPending}
            options={(countries.data ?? []).map((c) => ({ value: c.iso2, label: name(c.nameZh, c.nameEn) }))}
            onChange={(country) => update({ country })}
          />
        </div>
      </Card>
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<Project>
          rowKey="id"
          size="middle"
          scroll={{ x: 'max-content' }}
          loading={list.isPending || list.isFetching}
          columns={columns}
          dataSource={list.data?.data ?? []}
          locale={{ emptyText: <EmptyState title={t('projects.empty')} hint={t('projects.emptyHint')} /> }}
          pagination={{
            current: search.page ?? 1,
            pageSize: 50,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => t('projects.total', { total }),
            onChange: (page) => update({ page: page === 1 ? undefined : page }),
          }}
        />
      )}
    </>
  );
}
