import { App, Button, Card, Flex, Input, List, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorDisplay } from '../../../shared/error-display'
import { EmptyState } from '../../../shared/feedback'
import { serverPagination } from '../../../shared/pagination'
import { formatDateTime } from '../../workflow/format'
import type { Contact } from '../api'
import { useContacts, useReplyContact } from '../hooks'

/** The caller's contacts on the board, sent and received, with their replies and a reply box each. */
export function Contacts() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [page, setPage] = useState(1)
  const contacts = useContacts({ page, pageSize: 20 })
  const reply = useReplyContact()
  const [drafts, setDrafts] = useState<Record<string, string>>({})
  if (contacts.isError) return <ErrorDisplay error={contacts.error} onRetry={() => void contacts.refetch()} />
  return (
    <Card>
      <List<Contact>
        loading={contacts.isPending}
        dataSource={contacts.data?.items ?? []}
        pagination={serverPagination({ page, pageSize: 20, total: contacts.data?.total, onChange: (p) => setPage(p) })}
        locale={{
          emptyText: contacts.isPending ? ' ' : <EmptyState description={t('enterprise.board.contactsEmpty')} />,
        }}
        renderItem={(c) => (
          <List.Item key={c.id} style={{ display: 'block' }} data-testid="contact">
            <Flex gap={6} align="center" wrap>
              <Tag color={c.direction === 'sent' ? 'blue' : 'green'}>
                {c.direction === 'sent' ? t('enterprise.board.sentDirection') : t('enterprise.board.receivedDirection')}
              </Tag>
              <Typography.Text strong>{c.listingTitle}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {c.direction === 'sent' ? c.toEnterpriseName : c.fromEnterpriseName} · {formatDateTime(c.createdAt)}
              </Typography.Text>
            </Flex>
            <Typography.Paragraph style={{ margin: '6px 0', whiteSpace: 'pre-wrap' }}>{c.message}</Typography.Paragraph>
            {c.replies.map((r) => (
              <div
                key={`${r.at}-${r.fromEnterpriseName}`}
                style={{ paddingLeft: 16, borderLeft: '2px solid #d9d9d9', marginBottom: 4 }}
              >
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.fromEnterpriseName} · {formatDateTime(r.at)}
                </Typography.Text>
                <div style={{ whiteSpace: 'pre-wrap' }}>{r.message}</div>
              </div>
            ))}
            <Flex gap={8} style={{ marginTop: 6 }}>
              <Input
                size="small"
                value={drafts[c.id] ?? ''}
                aria-label={t('enterprise.board.reply')}
                placeholder={t('enterprise.board.reply')}
                onChange={(e) => setDrafts((d) => ({ ...d, [c.id]: e.target.value }))}
                maxLength={1000}
              />
              <Button
                size="small"
                disabled={!drafts[c.id]?.trim()}
                loading={reply.isPending && reply.variables?.id === c.id}
                onClick={() =>
                  reply.mutate(
                    { id: c.id, message: (drafts[c.id] ?? '').trim() },
                    {
                      onSuccess: () => {
                        void message.success(t('enterprise.board.replied'))
                        setDrafts((d) => ({ ...d, [c.id]: '' }))
                      },
                      onError: (err) => void message.error(err.message),
                    },
                  )
                }
              >
                {t('enterprise.board.reply')}
              </Button>
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  )
}
