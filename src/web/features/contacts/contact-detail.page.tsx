/**
 * One contact: who they are, the posts they held as a timeline (the current one marked), the
 * partnerships and activities they are linked to, the recorded touches (with a form to add one),
 * and who else held a post, on any day.
 */
import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import {
  App as AntApp,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  List,
  Popconfirm,
  Row,
  Select,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { today } from '../../../shared/dates';
import { TOUCH_CHANNELS, type TouchChannel } from '../../../shared/schemas/contact';
import { ApiError, api } from '../../api/client';
import { useCountries } from '../../api/queries';
import { DateField } from '../../components/date-field';
import { DeleteRecordButton } from '../../components/delete-button';
import { RecordGate, useErrorMessage } from '../../components/states';
import { useTitle } from '../../components/use-title';
import { useI18n } from '../../i18n/i18n';
import { type Contact, type ContactRole, contactKeys, contactName, useContact, usePostHolders } from './contact-api';
import { CategoryTag, ContactsGate, DemoNote, DemoTag, Forbidden } from './contact-parts';

const route = getRouteApi('/contacts/$id');

export function ContactDetailPage() {
  return (
    <ContactsGate>
      <ContactDetailLoader />
    </ContactsGate>
  );
}

function ContactDetailLoader() {
  const { id } = route.useParams();
  const { t } = useI18n();
  const record = useContact(id);
  return (
    <RecordGate query={record} notFound={t('contacts.notFound')} forbidden={<Forbidden />}>
      {(c) => <Detail c={c} />}
    </RecordGate>
  );
}

function Detail({ c }: { c: Contact }) {
  const { t, lang, name, d } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = AntApp.useApp();
  const errorMessage = useErrorMessage();
  const countries = useCountries();
  const none = <span className="muted">{t('common.none')}</span>;
  const title = contactName(c, lang);
  useTitle(title);
  const country = countries.data?.find((x) => x.iso2 === c.countryIso2);

  async function remove() {
    try {
      await api.delete(`/contacts/${c.id}`, { version: c.version });
      queryClient.removeQueries({ queryKey: contactKeys.one(c.id) });
      void queryClient.invalidateQueries({ queryKey: contactKeys.all });
      message.success(t('contacts.deleted'));
      void navigate({ to: '/contacts' });
    } catch (error) {
      message.error(errorMessage(error));
      if (error instanceof ApiError && error.isConflict)
        void queryClient.invalidateQueries({ queryKey: contactKeys.one(c.id) });
    }
  }

  return (
    <>
      <div className="page-header">
        <h1>
          {title}{' '}
          <span className="as-of">
            <CategoryTag category={c.category} />
            {c.isDemo ? <DemoTag /> : null}
          </span>
        </h1>
        <Space wrap>
          <Link to="/contacts/$id/edit" params={{ id: c.id }}>
            <Button type="primary" icon={<EditOutlined />} tabIndex={-1}>
              {t('common.edit')}
            </Button>
          </Link>
          <DeleteRecordButton confirm={t('contacts.deleteConfirm')} onConfirm={remove} />
        </Space>
      </div>
      <DemoNote show={c.isDemo} />

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('contacts.name')} size="small" style={{ height: '100%' }}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('contacts.nameZh')}>{c.nameZh ?? none}</Descriptions.Item>
              <Descriptions.Item label={t('contacts.nameEn')}>
                <span lang="en">{c.nameEn ?? none}</span>
              </Descriptions.Item>
              {c.nameOriginal ? (
                <Descriptions.Item label={t('contacts.nameOriginal')}>{c.nameOriginal}</Descriptions.Item>
              ) : null}
              <Descriptions.Item label={t('contacts.country')}>
                {country ? name(country.nameZh, country.nameEn) : (c.countryIso2 ?? none)}
                {c.city ? ` · ${c.city}` : ''}
              </Descriptions.Item>
              <Descriptions.Item label={t('contacts.organisation')}>{c.organisation ?? none}</Descriptions.Item>
              <Descriptions.Item label={t('contacts.languages')}>
                {c.languages.length ? c.languages.map((l) => <Tag key={l}>{l}</Tag>) : none}
              </Descriptions.Item>
              <Descriptions.Item label={t('contacts.email')}>
                {c.email ? <a href={`mailto:${c.email}`}>{c.email}</a> : none}
              </Descriptions.Item>
              <Descriptions.Item label={t('contacts.phone')}>{c.phone ?? none}</Descriptions.Item>
              <Descriptions.Item label={t('contacts.office')}>{name(c.cnNameZh, c.cnNameEn)}</Descriptions.Item>
              <Descriptions.Item label={t('contacts.lastContact')}>
                {c.lastContact ? d(c.lastContact) : t('contacts.never')}
              </Descriptions.Item>
              {c.notes ? (
                <Descriptions.Item label={t('contacts.notes')}>
                  <span style={{ whiteSpace: 'pre-wrap' }}>{c.notes}</span>
                </Descriptions.Item>
              ) : null}
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('contacts.roles')} size="small" style={{ height: '100%' }}>
            <RoleTimeline roles={c.roles} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('contacts.links')} size="small" style={{ height: '100%' }}>
            <Typography.Title level={5}>{t('contacts.partnerships')}</Typography.Title>
            {c.partnerships.length ? (
              <List
                size="small"
                dataSource={c.partnerships}
                renderItem={(p) => (
                  <List.Item>
                    <Link to="/partnerships/$id" params={{ id: p.id }}>
                      {name(p.cnNameZh, p.cnNameEn)} — {name(p.partnerNameZh, p.partnerNameEn)}
                    </Link>
                  </List.Item>
                )}
              />
            ) : (
              <p className="muted">{t('contacts.noLinks')}</p>
            )}
            <Typography.Title level={5}>{t('contacts.activities')}</Typography.Title>
            {c.activities.length ? (
              <List
                size="small"
                dataSource={c.activities}
                renderItem={(a) => (
                  <List.Item>
                    <span>
                      {a.occurredOn} · {t(`activity.${a.type}`)} ·{' '}
                      <Link to="/partnerships/$id" params={{ id: a.partnershipId }}>
                        {name(a.titleZh, a.titleEn)}
                      </Link>
                    </span>
                  </List.Item>
                )}
              />
            ) : (
              <p className="muted">{t('contacts.noLinks')}</p>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Touches c={c} />
        </Col>
        <Col xs={24}>
          <Holders initial={c.roles.find((r) => r.isCurrent) ?? c.roles[0]} cn={c.cnCode} />
        </Col>
      </Row>
    </>
  );
}

/** The posts, latest first, each with its term at the precision known. */
export function RoleTimeline({ roles }: { roles: ContactRole[] }) {
  const { t } = useI18n();
  if (!roles.length) return <p className="muted">{t('contacts.role.none')}</p>;
  return (
    <Timeline
      className="contact-roles"
      items={roles.map((r) => ({
        color: r.isCurrent ? 'green' : 'gray',
        children: (
          <div data-testid="contact-role">
            <strong>{r.post}</strong> · {r.organisation}{' '}
            {r.isCurrent ? <Tag color="green">{t('contacts.role.current')}</Tag> : null}
            <div className="muted">
              {r.from} – {r.to ?? t('contacts.role.untilNow')}
            </div>
          </div>
        ),
      }))}
    />
  );
}

type TouchValues = { touchedOn: string; channel: TouchChannel; note?: string };

function Touches({ c }: { c: Contact }) {
  const { t, d } = useI18n();
  const queryClient = useQueryClient();
  const { message } = AntApp.useApp();
  const errorMessage = useErrorMessage();
  const [form] = Form.useForm<TouchValues>();
  const [busy, setBusy] = useState(false);

  async function add(values: TouchValues) {
    setBusy(true);
    try {
      await api.post(`/contacts/${c.id}/touches`, { ...values, note: values.note || null });
      message.success(t('contacts.touch.added'));
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: contactKeys.all });
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  async function remove(touchId: number) {
    try {
      await api.delete(`/contacts/${c.id}/touches/${touchId}`);
      void queryClient.invalidateQueries({ queryKey: contactKeys.all });
    } catch (error) {
      message.error(errorMessage(error));
    }
  }

  return (
    <Card title={t('contacts.touches')} size="small" style={{ height: '100%' }}>
      <Form<TouchValues>
        form={form}
        layout="inline"
        initialValues={{ touchedOn: today(), channel: 'meeting' }}
        onFinish={add}
        style={{ marginBottom: 12, rowGap: 8 }}
      >
        <Form.Item name="touchedOn" label={t('contacts.touch.on')} rules={[{ required: true }]}>
          <DateField past />
        </Form.Item>
        <Form.Item name="channel" label={t('contacts.touch.channel')}>
          <Select
            style={{ width: 110 }}
            options={TOUCH_CHANNELS.map((ch) => ({ value: ch, label: t(`contacts.channel.${ch}`) }))}
          />
        </Form.Item>
        <Form.Item name="note">
          <Input placeholder={t('contacts.touch.note')} maxLength={4000} />
        </Form.Item>
        <Button htmlType="submit" loading={busy}>
          {t('contacts.touch.add')}
        </Button>
      </Form>
      {c.touches.length ? (
        <List
          size="small"
          dataSource={c.touches}
          renderItem={(x) => (
            <List.Item
              actions={[
                <Popconfirm key="del" title={t('common.delete')} onConfirm={() => remove(x.id)}>
                  <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                </Popconfirm>,
              ]}
            >
              {d(x.touchedOn)} · {t(`contacts.channel.${x.channel}`)}
              {x.note ? <span className="muted"> · {x.note}</span> : null}
            </List.Item>
          )}
        />
      ) : (
        <p className="muted">{t('contacts.touch.none')}</p>
      )}
    </Card>
  );
}

/** Who held a post (words of its organisation and title) on a day, or all holders in order. */
function Holders({ initial, cn }: { initial: ContactRole | undefined; cn: string }) {
  const { t, lang } = useI18n();
  const [post, setPost] = useState(initial ? `${initial.organisation} ${initial.post}` : '');
  const [at, setAt] = useState('');
  const holders = usePostHolders({ post: post.trim() || undefined, at: at || undefined, cn });
  return (
    <Card title={t('contacts.holders.title')} size="small">
      <Space wrap style={{ marginBottom: 12 }}>
        <Input
          aria-label={t('contacts.holders.post')}
          placeholder={t('contacts.holders.post')}
          value={post}
          onChange={(e) => setPost(e.target.value)}
          style={{ width: 320 }}
        />
        <DateField aria-label={t('contacts.holders.at')} value={at} onChange={(value) => setAt(value ?? '')} />
      </Space>
      {holders.data?.data.length ? (
        <List
          size="small"
          dataSource={holders.data.data}
          renderItem={(h) => (
            <List.Item>
              <span>
                <Link to="/contacts/$id" params={{ id: h.contact.id }}>
                  {contactName(h.contact, lang)}
                </Link>{' '}
                · {h.role.post} · {h.role.organisation}{' '}
                <span className="muted">
                  {h.role.from} – {h.role.to ?? t('contacts.role.untilNow')}
                </span>
              </span>
            </List.Item>
          )}
        />
      ) : (
        <p className="muted">{holders.isFetching ? t('state.loading') : t('contacts.holders.none')}</p>
      )}
    </Card>
  );
}
