import { isValidUscc } from '@ruyu/contracts/identifiers'
import { App, Button, Card, Col, Flex, Form, Input, Modal, Radio, Row, Select, Switch, Tag, Typography } from 'antd'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useAccess } from '../../../access'
import { applyFormErrors, ErrorDisplay } from '../../../shared/error-display'
import { labelOf } from '../../../shared/labels'
import { PageContainer } from '../../../shared/page-container'
import { useDebouncedValue } from '../../../shared/use-debounced-value'
import { type Intake, type IntakeResult, isCnPhone, type KbArticle, REQUEST_TYPE_LIST, URGENCY_LIST } from '../api'
import { CategoryCascader } from '../components/category-cascader'
import { DispatchModal } from '../components/dispatch-modal'
import { DivisionCascader } from '../components/division-cascader'
import { DuplicatesPanel, KnowledgePanel, SuggestionPanel } from '../components/intake-panels'
import { OrderStatusTag } from '../components/tags'
import { useCategories, useDuplicates, useIntake, useKbSearch, useSuggestion } from '../hooks'
import { enterMovesFocus, useSubmitShortcut } from '../keyboard'
import '../hotline.css'

type Values = Omit<Intake, 'directAnswer' | 'attachments' | 'lat' | 'lng'>

const CHANNELS = ['phone', 'web', 'wechat', 'email', 'other'] as const
const INITIAL: Partial<Values> = { confidential: false, requestType: 'complaint', urgency: 'normal', channel: 'phone' }

/**
 * 话务受理: the operator takes a call with the keyboard (fields in tab order, Enter moves on, Ctrl+Enter submits).
 * Beside the form: the routing suggestion with the 非受理范围 guidance, duplicate hints that follow the phone,
 * category and place, and knowledge-base answers that follow the description (直接答复并办结).
 */
export default function IntakePage() {
  const { t } = useTranslation()
  const { can } = useAccess()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const categories = useCategories()
  const submitIntake = useIntake()
  const [error, setError] = useState<unknown>(null)
  const [result, setResult] = useState<IntakeResult | null>(null)
  const [dispatching, setDispatching] = useState(false)
  const [answering, setAnswering] = useState<KbArticle | null>(null)
  const phoneRef = useRef<HTMLInputElement>(null)

  const phone = Form.useWatch('callerPhone', form)?.trim() ?? ''
  const categoryId = Form.useWatch('categoryId', form)
  const divisionCode = Form.useWatch('divisionCode', form)
  const address = Form.useWatch('address', form)?.trim() ?? ''
  const description = Form.useWatch('description', form)?.trim() ?? ''

  const dupQuery = useDebouncedValue(
    {
      callerPhone: isCnPhone(phone) ? phone : undefined,
      categoryId: categoryId || undefined,
      divisionCode: divisionCode || undefined,
      address: address.length >= 4 ? address : undefined,
    },
    400,
  )
  const dupActive = Boolean(dupQuery.callerPhone || (dupQuery.categoryId && dupQuery.divisionCode) || dupQuery.address)
  const duplicates = useDuplicates(dupQuery, dupActive)
  const suggestion = useSuggestion(categoryId, divisionCode)
  const kbQuery = useDebouncedValue(description.slice(0, 100), 400)
  const kb = useKbSearch(kbQuery, 1, 5, kbQuery.length >= 2)

  const send = async (directAnswer?: Intake['directAnswer']) => {
    const values = await form.validateFields()
    setError(null)
    try {
      const out = await submitIntake.mutateAsync({
        ...values,
        attachments: [],
        ...(directAnswer ? { directAnswer } : {}),
      })
      setResult(out)
      setAnswering(null)
      void message.success(t('hotline.intake.saved', { number: out.order.number }))
      form.resetFields()
      phoneRef.current?.focus()
    } catch (err) {
      if (!applyFormErrors(form, err)) setError(err)
    }
  }
  useSubmitShortcut(() => {
    if (!answering && !dispatching) void send().catch(() => undefined)
  })

  const order = result?.order
  return (
    <PageContainer title={t('hotline.intake.title')} description={t('hotline.intake.description')}>
      {order ? (
        <Card className="ruyu-hotline-result" data-testid="intake-result" style={{ marginBottom: 16 }}>
          <Flex gap={12} wrap align="center" justify="space-between">
            <Flex gap={8} wrap align="center">
              <Typography.Text strong>{t('hotline.intake.resultTitle')}</Typography.Text>
              <Typography.Text copyable data-testid="intake-number">
                {order.number}
              </Typography.Text>
              <OrderStatusTag status={order.status} />
              {result?.suggestion?.unit && order.status === 'dispatching' ? (
                <Typography.Text type="secondary">
                  {t('hotline.intake.resultSuggested', { name: result.suggestion.unit.name })}
                </Typography.Text>
              ) : null}
              {result?.duplicates.length ? (
                <Tag color="volcano">{t('hotline.intake.resultDuplicates', { count: result.duplicates.length })}</Tag>
              ) : null}
            </Flex>
            <Flex gap={8} wrap>
              {order.actions.includes('dispatch') && can('hotline:dispatch') ? (
                <Button type="primary" onClick={() => setDispatching(true)}>
                  {t('hotline.intake.dispatchNow')}
                </Button>
              ) : null}
              <Link to={`/hotline/orders/${order.id}`}>
                <Button>{t('hotline.intake.openOrder')}</Button>
              </Link>
              <Button type="text" onClick={() => setResult(null)}>
                {t('hotline.common.close')}
              </Button>
            </Flex>
          </Flex>
        </Card>
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card>
            <Form<Values>
              form={form}
              layout="vertical"
              initialValues={INITIAL}
              onKeyDown={enterMovesFocus}
              onFinish={() => void send().catch(() => undefined)}
              requiredMark
              data-testid="intake-form"
            >
              <Row gutter={12}>
                <Col xs={24} md={10}>
                  <Form.Item
                    name="callerPhone"
                    label={t('hotline.intake.callerPhone')}
                    validateFirst
                    rules={[
                      { required: true, whitespace: true, message: t('hotline.intake.phoneRequired') },
                      {
                        validator: (_, v: string | undefined) =>
                          !v || isCnPhone(v)
                            ? Promise.resolve()
                            : Promise.reject(new Error(t('hotline.intake.phoneInvalid'))),
                      },
                    ]}
                  >
                    <Input
                      ref={(el) => {
                        phoneRef.current = el?.input ?? null
                      }}
                      autoFocus
                      inputMode="tel"
                      maxLength={20}
                      placeholder={t('hotline.intake.phonePlaceholder')}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item
                    name="callerName"
                    label={t('hotline.intake.callerName')}
                    rules={[{ required: true, whitespace: true, message: t('hotline.intake.nameRequired') }]}
                  >
                    <Input maxLength={50} placeholder={t('hotline.intake.namePlaceholder')} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={6}>
                  <Form.Item
                    name="confidential"
                    label={t('hotline.intake.confidential')}
                    valuePropName="checked"
                    tooltip={t('hotline.intake.confidentialHelp')}
                  >
                    <Switch
                      checkedChildren={t('hotline.intake.confidentialOn')}
                      unCheckedChildren={t('hotline.intake.confidentialOff')}
                    />
                  </Form.Item>
                </Col>
              </Row>
              <Row gutter={12}>
                <Col xs={24}>
                  <Form.Item name="requestType" label={t('hotline.intake.requestType')} rules={[{ required: true }]}>
                    <Radio.Group
                      optionType="button"
                      options={REQUEST_TYPE_LIST.map((v) => ({ value: v, label: labelOf('hotline.requestType', v) }))}
                    />
                  </Form.Item>
                </Col>
              </Row>
              <Row gutter={12}>
                <Col xs={12} md={8}>
                  <Form.Item name="urgency" label={t('hotline.intake.urgency')}>
                    <Radio.Group
                      optionType="button"
                      options={URGENCY_LIST.map((v) => ({ value: v, label: labelOf('hotline.urgency', v) }))}
                    />
                  </Form.Item>
                </Col>
                <Col xs={12} md={8}>
                  <Form.Item name="channel" label={t('hotline.intake.channel')}>
                    <Select options={CHANNELS.map((c) => ({ value: c, label: labelOf('hotline.channel', c) }))} />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item
                name="categoryId"
                label={t('hotline.intake.category')}
                rules={[{ required: true, message: t('hotline.intake.categoryRequired') }]}
              >
                <CategoryCascader tree={categories.data?.items} loading={categories.isPending} />
              </Form.Item>
              <Row gutter={12}>
                <Col xs={24} md={10}>
                  <Form.Item
                    name="divisionCode"
                    label={t('hotline.intake.division')}
                    rules={[{ required: true, message: t('hotline.intake.divisionRequired') }]}
                  >
                    <DivisionCascader
                      onLabel={(names) => {
                        if (!form.getFieldValue('address')) form.setFieldValue('address', names.join(''))
                      }}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={14}>
                  <Form.Item
                    name="address"
                    label={t('hotline.intake.address')}
                    rules={[{ required: true, whitespace: true, message: t('hotline.intake.addressRequired') }]}
                  >
                    <Input maxLength={200} placeholder={t('hotline.intake.addressPlaceholder')} />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item
                name="enterpriseUscc"
                label={t('hotline.intake.enterpriseUscc')}
                extra={t('hotline.intake.enterpriseUsccHelp')}
                normalize={(v: string) => v?.trim().toUpperCase() || undefined}
                rules={[
                  {
                    validator: (_, v?: string) =>
                      !v || isValidUscc(v)
                        ? Promise.resolve()
                        : Promise.reject(t('hotline.intake.enterpriseUsccInvalid')),
                  },
                ]}
              >
                <Input maxLength={18} style={{ maxWidth: 280 }} placeholder="91370612…" />
              </Form.Item>
              <Form.Item
                name="description"
                label={t('hotline.intake.descriptionLabel')}
                rules={[{ required: true, whitespace: true, message: t('hotline.intake.descriptionRequired') }]}
              >
                <Input.TextArea
                  rows={6}
                  maxLength={4000}
                  showCount
                  placeholder={t('hotline.intake.descriptionPlaceholder')}
                />
              </Form.Item>
              <ErrorDisplay error={error} style={{ marginBottom: 16 }} />
              <Flex gap={12} wrap align="center">
                <Button type="primary" htmlType="submit" loading={submitIntake.isPending}>
                  {t('hotline.intake.submit')}
                </Button>
                <Button
                  onClick={() => {
                    form.resetFields()
                    setError(null)
                    phoneRef.current?.focus()
                  }}
                >
                  {t('hotline.intake.reset')}
                </Button>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('hotline.intake.keys')}
                </Typography.Text>
              </Flex>
            </Form>
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Flex vertical gap={16}>
            <SuggestionPanel
              suggestion={suggestion.data}
              loading={suggestion.isFetching}
              error={suggestion.error}
              ready={Boolean(categoryId && divisionCode)}
            />
            <DuplicatesPanel items={duplicates.data?.items} loading={duplicates.isFetching} active={dupActive} />
            <KnowledgePanel
              items={kbQuery.length >= 2 ? kb.data?.items : undefined}
              loading={kb.isFetching}
              query={kbQuery.length >= 2 ? kbQuery : ''}
              onAnswer={setAnswering}
            />
          </Flex>
        </Col>
      </Row>
      {answering ? (
        <DirectAnswerModal
          article={answering}
          loading={submitIntake.isPending}
          onCancel={() => setAnswering(null)}
          onConfirm={(answer) =>
            send({ answer, kbArticleId: answering.id }).catch(() => {
              setAnswering(null)
            })
          }
        />
      ) : null}
      {dispatching && order ? (
        <DispatchModal
          order={order}
          onClose={() => setDispatching(false)}
          onDone={() => {
            setResult(null)
            void message.success(t('hotline.dispatch.done', { number: order.number }))
          }}
        />
      ) : null}
    </PageContainer>
  )
}

/** 直接答复并办结: the KB answer, editable, read to the caller; the order is closed at intake (直办). */
function DirectAnswerModal({
  article,
  loading,
  onCancel,
  onConfirm,
}: {
  article: KbArticle
  loading: boolean
  onCancel: () => void
  onConfirm: (answer: string) => Promise<void>
}) {
  const { t } = useTranslation()
  const [answer, setAnswer] = useState(article.content)
  return (
    <Modal
      open
      title={t('hotline.kb.answerAndClose')}
      okText={t('hotline.kb.confirmAnswer')}
      cancelText={t('hotline.common.cancel')}
      okButtonProps={{ disabled: !answer.trim() }}
      confirmLoading={loading}
      onOk={() => void onConfirm(answer.trim())}
      onCancel={onCancel}
      width={640}
    >
      <Typography.Paragraph type="secondary">
        {t('hotline.kb.answerHelp', { title: article.title })}
      </Typography.Paragraph>
      <Input.TextArea
        aria-label={t('hotline.kb.answer')}
        rows={8}
        maxLength={4000}
        showCount
        value={answer}
        onChange={(e) => setAnswer(e.target.value)}
      />
    </Modal>
  )
}
