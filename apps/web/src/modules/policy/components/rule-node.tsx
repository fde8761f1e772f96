import DeleteOutlined from '@ant-design/icons/DeleteOutlined'
import PlusOutlined from '@ant-design/icons/PlusOutlined'
import { Button, Dropdown, Flex, InputNumber, Select, Space, Tag, Typography } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { labelOf } from '../../../shared/labels'
import type { NumericField, Rule } from '../api'
import {
  COMPARISON_LIST,
  CONDITION_CHOICES,
  type ConditionChoice,
  choiceOf,
  GROUP_CHOICES,
  type GroupChoice,
  isComparison,
  issuesOfNode,
  kindOf,
  LIST_FIELD_LIST,
  NUMERIC_FIELD_LIST,
  newNode,
  nodeDomId,
  pathToString,
  type RuleIssueView,
  type RulePath,
  SCALE_LIST,
} from '../rule-model'

export interface RuleOptions {
  tags: string[]
  parks: { code: string; name: string }[]
  divisions: { code: string; name: string }[]
  industries: { code: string; name: string }[]
}

interface NodeProps {
  node: Rule
  path: RulePath
  issues: RuleIssueView[]
  options: RuleOptions
  onChange: (path: RulePath, value: unknown) => void
  onRemove?: (() => void) | undefined
  disabled?: boolean | undefined
}

const box = (bad: boolean, group: boolean): React.CSSProperties => ({
  border: `1px solid ${bad ? '#ff4d4f' : group ? '#adc6ff' : '#d9d9d9'}`,
  background: bad ? '#fff2f0' : group ? '#f5f8ff' : '#fff',
  borderRadius: 6,
  padding: group ? '8px 10px' : '6px 10px',
})

/** The menu of things to add to a group: conditions, then nested groups. */
function AddMenu({ onAdd, disabled }: { onAdd: (choice: ConditionChoice | GroupChoice) => void; disabled?: boolean }) {
  const { t } = useTranslation()
  return (
    <Dropdown
      disabled={disabled}
      trigger={['click']}
      menu={{
        items: [
          {
            type: 'group',
            key: 'conditions',
            label: t('policy.rule.addCondition'),
            children: CONDITION_CHOICES.map((c) => ({ key: c, label: t(`policy.rule.choice.${c}`) })),
          },
          {
            type: 'group',
            key: 'groups',
            label: t('policy.rule.addGroup'),
            children: GROUP_CHOICES.map((c) => ({ key: c, label: t(`policy.rule.choice.${c}`) })),
          },
        ],
        onClick: ({ key }) => onAdd(key as ConditionChoice | GroupChoice),
      }}
    >
      <Button size="small" type="dashed" icon={<PlusOutlined />} data-testid="rule-add">
        {t('policy.rule.add')}
      </Button>
    </Dropdown>
  )
}

function Issues({ issues }: { issues: RuleIssueView[] }) {
  if (!issues.length) return null
  return (
    <div role="alert" data-testid="rule-node-issues">
      {issues.map((i) => (
        <Typography.Text key={`${i.path}:${i.message}`} type="danger" style={{ display: 'block', fontSize: 12 }}>
          {i.message} <code style={{ fontSize: 11 }}>{i.path}</code>
        </Typography.Text>
      ))}
    </div>
  )
}

/** One node of the rule tree (a group or a condition), recursively. */
export function RuleNode(props: NodeProps) {
  const { node, path, issues, onChange, onRemove, disabled } = props
  const { t } = useTranslation()
  const kind = typeof node === 'object' && node !== null ? kindOf(node) : undefined
  const own = issuesOfNode(issues, node, path)
  const id = nodeDomId(path)
  const label = pathToString(path)

  if (kind === 'all' || kind === 'any') {
    const children = ((node as Record<string, Rule[]>)[kind] ?? []) as Rule[]
    return (
      <div id={id} style={box(own.length > 0, true)} data-rule-path={label} data-testid="rule-group">
        <Flex align="center" gap={8} wrap style={{ marginBottom: 8 }}>
          <Select
            size="small"
            value={kind}
            disabled={disabled}
            aria-label={t('policy.rule.groupMode')}
            style={{ width: 200 }}
            options={(['all', 'any'] as const).map((k) => ({ value: k, label: t(`policy.rule.groupMode_${k}`) }))}
            onChange={(next) => onChange(path, { [next]: children })}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('policy.rule.groupCount', { count: children.length })}
          </Typography.Text>
          <span style={{ flex: 1 }} />
          <AddMenu disabled={disabled} onAdd={(c) => onChange([...path, kind, children.length], newNode(c))} />
          <RemoveButton label={t('policy.rule.removeGroup')} disabled={disabled} onRemove={onRemove} />
        </Flex>
        <Issues issues={own} />
        <Flex vertical gap={6} style={{ paddingLeft: 12, borderLeft: '2px solid #adc6ff' }}>
          {children.map((child, i) => (
            <RuleNode
              // biome-ignore lint/suspicious/noArrayIndexKey: a node's position is its identity (the server's path)
              key={i}
              {...props}
              node={child}
              path={[...path, kind, i]}
              onRemove={() => {
                onChange(
                  [...path, kind],
                  children.filter((_, j) => j !== i),
                )
              }}
            />
          ))}
        </Flex>
      </div>
    )
  }

  if (kind === 'not') {
    const child = (node as { not: Rule }).not
    return (
      <div id={id} style={box(own.length > 0, true)} data-rule-path={label} data-testid="rule-group">
        <Flex align="center" gap={8} style={{ marginBottom: 8 }}>
          <Tag color="volcano">{t('policy.rule.notLabel')}</Tag>
          <span style={{ flex: 1 }} />
          <RemoveButton label={t('policy.rule.removeGroup')} disabled={disabled} onRemove={onRemove} />
        </Flex>
        <Issues issues={own} />
        <div style={{ paddingLeft: 12, borderLeft: '2px solid #ffbb96' }}>
          <RuleNode {...props} node={child} path={[...path, 'not']} onRemove={undefined} />
        </div>
      </div>
    )
  }

  const choice = kind ? (choiceOf(node) as ConditionChoice) : undefined
  return (
    <div id={id} style={box(own.length > 0, false)} data-rule-path={label} data-testid="rule-condition">
      <Flex align="center" gap={8} wrap>
        <Select
          size="small"
          value={choice}
          disabled={disabled}
          aria-label={t('policy.rule.conditionKind')}
          style={{ width: 168 }}
          options={CONDITION_CHOICES.map((c) => ({ value: c, label: t(`policy.rule.choice.${c}`) }))}
          onChange={(c: ConditionChoice) => onChange(path, newNode(c))}
        />
        <LeafBody {...props} />
        <span style={{ flex: 1 }} />
        <RemoveButton label={t('policy.rule.removeCondition')} disabled={disabled} onRemove={onRemove} />
      </Flex>
      <Issues issues={own} />
    </div>
  )
}

/** Percent shown, fraction stored: rndRatio 0.03 ⇔ 3 %. */
const toShown = (field: NumericField, v: unknown) =>
  typeof v === 'number' ? (field === 'rndRatio' ? Math.round(v * 10000) / 100 : v) : null
const toStored = (field: NumericField, v: number | null) =>
  v === null ? null : field === 'rndRatio' ? Math.round(v * 100) / 10000 : v

function NumberBox({
  field,
  value,
  onChange,
  label,
  disabled,
}: {
  field: NumericField
  value: unknown
  onChange: (v: number | null) => void
  label: string
  disabled?: boolean | undefined
}) {
  const { t } = useTranslation()
  return (
    <InputNumber
      size="small"
      aria-label={label}
      disabled={disabled}
      value={toShown(field, value)}
      onChange={(v) => onChange(toStored(field, typeof v === 'number' ? v : null))}
      suffix={t(`policy.rule.unit.${field}`)}
      style={{ width: 150 }}
    />
  )
}

function LeafBody({ node, path, options, onChange, disabled }: NodeProps) {
  const { t } = useTranslation()
  const kind = kindOf(node)
  const body = (node as Record<string, unknown>)[kind]
  const set = (value: unknown, sub: RulePath = []) => onChange([...path, kind, ...sub], value)
  const fieldSelect = (fields: readonly string[], value: unknown, onPick: (f: string) => void, width = 180) => (
    <Select
      size="small"
      value={value as string}
      disabled={disabled}
      aria-label={t('policy.rule.field')}
      style={{ width }}
      options={fields.map((f) => ({ value: f, label: t(`policy.rule.fields.${f}` as never) }))}
      onChange={onPick}
    />
  )
  const multi = (
    value: unknown,
    opts: { value: string; label: ReactNode }[],
    onPick: (v: string[]) => void,
    aria: string,
    tags = false,
  ) => (
    <Select
      size="small"
      mode={tags ? 'tags' : 'multiple'}
      value={Array.isArray(value) ? (value as string[]) : typeof value === 'string' ? [value] : []}
      disabled={disabled}
      aria-label={aria}
      style={{ minWidth: 240, maxWidth: 520 }}
      options={opts}
      optionFilterProp="label"
      onChange={onPick}
    />
  )
  const tagOptions = options.tags.map((tag) => ({ value: tag, label: tag }))

  if (isComparison(kind)) {
    const c = (body ?? {}) as { field: NumericField; value: unknown }
    const age = c.field === 'ageYears'
    return (
      <Space size={6} wrap>
        {age ? null : fieldSelect(NUMERIC_FIELD_LIST, c.field, (f) => set({ ...c, field: f }))}
        <Select
          size="small"
          value={kind}
          disabled={disabled}
          aria-label={t('policy.rule.operator')}
          style={{ width: 96 }}
          options={COMPARISON_LIST.map((op) => ({ value: op, label: t(`policy.rule.op.${op}`) }))}
          onChange={(op) => onChange(path, { [op]: c })}
        />
        <NumberBox
          field={c.field}
          value={c.value}
          label={t('policy.rule.value')}
          disabled={disabled}
          onChange={(v) => set(v, ['value'])}
        />
      </Space>
    )
  }
  switch (kind) {
    case 'between': {
      const b = (body ?? {}) as { field: NumericField; min: unknown; max: unknown }
      return (
        <Space size={6} wrap>
          {fieldSelect(NUMERIC_FIELD_LIST, b.field, (f) => set({ ...b, field: f }))}
          <NumberBox
            field={b.field}
            value={b.min}
            label={t('policy.rule.min')}
            disabled={disabled}
            onChange={(v) => set(v, ['min'])}
          />
          <span>—</span>
          <NumberBox
            field={b.field}
            value={b.max}
            label={t('policy.rule.max')}
            disabled={disabled}
            onChange={(v) => set(v, ['max'])}
          />
        </Space>
      )
    }
    case 'hasTag':
      return (
        <Select
          size="small"
          value={body as string}
          disabled={disabled}
          aria-label={t('policy.rule.tag')}
          style={{ width: 220 }}
          options={tagOptions}
          onChange={(v) => set(v)}
        />
      )
    case 'hasAnyTag':
    case 'hasAllTags':
      return multi(body, tagOptions, (v) => set(v), t('policy.rule.tags'))
    case 'divisionWithin':
      return (
        <Select
          size="small"
          showSearch={{ optionFilterProp: 'label' }}
          value={body as string}
          disabled={disabled}
          aria-label={t('policy.rule.division')}
          style={{ width: 220 }}
          options={options.divisions.map((d) => ({ value: d.code, label: d.name }))}
          onChange={(v) => set(v)}
        />
      )
    case 'parkIn':
      return multi(
        body,
        options.parks.map((p) => ({ value: p.code, label: p.name })),
        (v) => set(v),
        t('policy.rule.parks'),
      )
    case 'industryPrefix':
      return multi(
        body,
        options.industries.map((i) => ({ value: i.code, label: `${i.code} ${i.name}` })),
        (v) => set(v),
        t('policy.rule.industries'),
        true,
      )
    case 'scaleIn':
      return multi(
        body,
        SCALE_LIST.map((s) => ({ value: s, label: labelOf('policy.scale', s) })),
        (v) => set(v),
        t('policy.rule.scales'),
      )
    case 'in': {
      const l = (body ?? {}) as { field: string; values: unknown }
      const opts =
        l.field === 'scale'
          ? SCALE_LIST.map((s) => ({ value: s, label: labelOf('policy.scale', s) }))
          : l.field === 'parkCode'
            ? options.parks.map((p) => ({ value: p.code, label: p.name }))
            : l.field === 'divisionCode'
              ? options.divisions.map((d) => ({ value: d.code, label: d.name }))
              : options.industries.map((i) => ({ value: i.code, label: `${i.code} ${i.name}` }))
      return (
        <Space size={6} wrap>
          {fieldSelect(LIST_FIELD_LIST, l.field, (f) => set({ field: f, values: [] }), 140)}
          {multi(l.values, opts, (v) => set(v, ['values']), t('policy.rule.values'), l.field === 'industryCode')}
        </Space>
      )
    }
    default:
      return <Typography.Text type="danger">{t('policy.rule.unknownKind', { kind })}</Typography.Text>
  }
}

/** The delete button of a group or condition; the root (no onRemove) has none. */
function RemoveButton({ label, disabled, onRemove }: { label: string; disabled?: boolean; onRemove?: () => void }) {
  if (!onRemove) return null
  return (
    <Button
      size="small"
      type="text"
      danger
      icon={<DeleteOutlined />}
      aria-label={label}
      disabled={disabled}
      onClick={onRemove}
    />
  )
}
