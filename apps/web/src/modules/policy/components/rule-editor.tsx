import { validateRule } from '@ruyu/contracts/policy'
import { Alert, Button, Card, Flex, Input, Segmented, Spin, Tag, Typography } from 'antd'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorDisplay } from '../../../shared/error-display'
import { useDebouncedValue } from '../../../shared/use-debounced-value'
import type { Rule } from '../api'
import { useRulePreview } from '../hooks'
import { newNode, nodeDomIdForIssue, normaliseIssuePath, type RuleIssueView, setAt } from '../rule-model'
import { RuleNode, type RuleOptions } from './rule-node'

type View = 'visual' | 'json'

/**
 * The eligibility rule editor: a visual builder of all / any / not groups and conditions, a JSON view of the same
 * rule, the issues (local `validateRule` and the server's, each pointing at its node), and a live preview of how
 * many enterprises match now, e.g. "12 家企业符合，例如 …" (debounced).
 */
export function RuleEditor({
  value,
  onChange,
  serverIssues = [],
  options,
  disabled,
}: {
  value: Rule | null
  onChange: (rule: Rule | null) => void
  /** Issues the server answered on the last save (`VALIDATION_FAILED` details). */
  serverIssues?: RuleIssueView[]
  options: RuleOptions
  disabled?: boolean
}) {
  const { t } = useTranslation()
  const [view, setView] = useState<View>('visual')
  const [jsonText, setJsonText] = useState(() => (value ? JSON.stringify(value, null, 2) : ''))
  const [jsonError, setJsonError] = useState<string | null>(null)

  // Keep the JSON text in step with edits made in the visual builder (not while the user types JSON).
  useEffect(() => {
    if (view === 'visual') setJsonText(value ? JSON.stringify(value, null, 2) : '')
  }, [value, view])

  const local = useMemo<RuleIssueView[]>(() => {
    if (!value) return []
    const result = validateRule(value)
    return result.ok ? [] : result.issues.map((i) => ({ path: normaliseIssuePath(i.path), message: i.message }))
  }, [value])
  // The server's issues count only while the rule is the one it judged; local ones always.
  const issues = useMemo(() => {
    const seen = new Set(local.map((i) => `${i.path}|${i.message}`))
    return [...local, ...serverIssues.filter((i) => !seen.has(`${i.path}|${i.message}`))]
  }, [local, serverIssues])

  const debounced = useDebouncedValue(value, 500)
  const debouncedValid = useMemo(() => (debounced ? validateRule(debounced).ok : false), [debounced])
  const preview = useRulePreview(debounced, debouncedValid && !disabled)

  const change = (path: (string | number)[], next: unknown) => onChange(setAt(value, path, next) as Rule)

  const onJson = (text: string) => {
    setJsonText(text)
    if (!text.trim()) {
      setJsonError(null)
      onChange(null)
      return
    }
    try {
      const parsed = JSON.parse(text) as unknown
      setJsonError(null)
      onChange(parsed as Rule)
    } catch (err) {
      setJsonError(err instanceof Error ? err.message : String(err))
    }
  }

  const goTo = (path: string) => {
    setView('visual')
    window.setTimeout(() => {
      const el = document.getElementById(nodeDomIdForIssue(value, path))
      el?.scrollIntoView({ block: 'center', behavior: 'smooth' })
      el?.focus?.()
    }, 50)
  }

  return (
    <Flex vertical gap={12} data-testid="rule-editor">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Segmented<View>
          value={view}
          onChange={setView}
          options={[
            { value: 'visual', label: t('policy.rule.visual') },
            { value: 'json', label: t('policy.rule.json') },
          ]}
        />
        {value ? (
          <Button size="small" danger disabled={disabled} onClick={() => onChange(null)}>
            {t('policy.rule.clear')}
          </Button>
        ) : null}
      </Flex>

      {issues.length ? (
        <Alert
          type="error"
          showIcon
          data-testid="rule-issues"
          title={t('policy.rule.issuesTitle', { count: issues.length })}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {issues.map((i) => (
                <li key={`${i.path}|${i.message}`}>
                  <Button type="link" size="small" style={{ padding: 0, height: 'auto' }} onClick={() => goTo(i.path)}>
                    <code>{i.path}</code>
                  </Button>
                  ：{i.message}
                </li>
              ))}
            </ul>
          }
        />
      ) : null}

      {view === 'visual' ? (
        value ? (
          <Flex vertical gap={8}>
            <RuleNode
              node={value}
              path={[]}
              issues={issues}
              options={options}
              onChange={change}
              disabled={disabled}
              onRemove={() => onChange(null)}
            />
            {'all' in value || 'any' in value ? null : (
              <div>
                <Button size="small" disabled={disabled} onClick={() => onChange({ all: [value] })}>
                  {t('policy.rule.wrapAll')}
                </Button>
              </div>
            )}
          </Flex>
        ) : (
          <Card size="small" style={{ background: '#fafafa' }}>
            <Typography.Paragraph type="secondary">{t('policy.rule.none')}</Typography.Paragraph>
            <Button type="dashed" disabled={disabled} onClick={() => onChange(newNode('all'))} data-testid="rule-start">
              {t('policy.rule.start')}
            </Button>
          </Card>
        )
      ) : (
        <div>
          <Input.TextArea
            value={jsonText}
            onChange={(e) => onJson(e.target.value)}
            autoSize={{ minRows: 8, maxRows: 24 }}
            spellCheck={false}
            disabled={disabled}
            aria-label={t('policy.rule.jsonLabel')}
            style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 13 }}
            data-testid="rule-json"
          />
          {jsonError ? (
            <Typography.Text type="danger" role="alert">
              {t('policy.rule.jsonInvalid', { message: jsonError })}
            </Typography.Text>
          ) : (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('policy.rule.jsonHelp')}
            </Typography.Text>
          )}
        </div>
      )}

      <Card size="small" title={t('policy.rule.previewTitle')} data-testid="rule-preview">
        {!value ? (
          <Typography.Text type="secondary">{t('policy.rule.previewNone')}</Typography.Text>
        ) : !debouncedValid || issues.length ? (
          <Typography.Text type="secondary">{t('policy.rule.previewFix')}</Typography.Text>
        ) : preview.isError ? (
          <ErrorDisplay error={preview.error} onRetry={() => void preview.refetch()} />
        ) : !preview.data ? (
          <Spin size="small" />
        ) : (
          <Flex vertical gap={6}>
            <Typography.Text strong data-testid="rule-preview-count">
              {preview.data.count > 0
                ? t('policy.rule.previewCount', {
                    count: preview.data.count,
                    total: preview.data.total,
                    examples: preview.data.examples
                      .slice(0, 3)
                      .map((e) => e.name)
                      .join(t('policy.rule.listSeparator')),
                  })
                : t('policy.rule.previewZero', { total: preview.data.total })}
              {preview.isFetching ? <Spin size="small" style={{ marginLeft: 8 }} /> : null}
            </Typography.Text>
            <Typography.Text type="secondary" data-testid="rule-text">
              {preview.data.ruleText}
            </Typography.Text>
            {preview.data.examples.slice(0, 3).map((e) => (
              <div key={e.uscc} style={{ fontSize: 12 }}>
                <Typography.Text>{e.name}</Typography.Text>{' '}
                {e.reasons.map((r) => (
                  <Tag key={r} color="green" style={{ marginTop: 2 }}>
                    {r}
                  </Tag>
                ))}
              </div>
            ))}
          </Flex>
        )}
      </Card>
    </Flex>
  )
}
