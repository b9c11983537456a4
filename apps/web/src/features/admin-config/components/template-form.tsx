/**
 * Create or edit a reply template: category (empty = every category), title, text, active. The
 * palette inserts a placeholder at the cursor of the text (the Chinese name in the Chinese UI,
 * e.g. {市民姓名}; the English one otherwise; the API accepts both), and the preview fills the text
 * with sample values through the domain's `fillTemplate`, the same function the API fills with.
 * Saving is refused, as the API refuses it, while the text has an unknown placeholder or a known
 * one in full-width braces ｛…｝ (domain `templatePlaceholderProblems`).
 */
import {
  fillTemplate,
  TEMPLATE_PLACEHOLDERS,
  templatePlaceholderProblems,
  type ReplyTemplateInput,
  type TemplateField,
} from '@desk/domain'
import {
  Alert,
  Button,
  Card,
  Flex,
  Form,
  Input,
  Space,
  Switch,
  Typography,
  type GetRef,
} from 'antd'
import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { ReplyTemplate } from '../../../lib/templates.ts'

type Values = { category?: string; title: string; body: string; isActive: boolean }
type Props = {
  initial: ReplyTemplate | null
  isSaving: boolean
  onSubmit: (input: ReplyTemplateInput) => void
}

const FIELDS = Object.keys(TEMPLATE_PLACEHOLDERS) as TemplateField[]

export function TemplateForm({ initial, isSaving, onSubmit }: Props) {
  const { t, i18n } = useTranslation()
  const [form] = Form.useForm<Values>()
  const textArea = useRef<GetRef<typeof Input.TextArea>>(null)
  const body = Form.useWatch('body', form) ?? initial?.body ?? ''
  const nameOf = (field: TemplateField) =>
    TEMPLATE_PLACEHOLDERS[field][i18n.language.startsWith('en') ? 0 : 1]
  const sample = Object.fromEntries(FIELDS.map((f) => [f, t(`adminConfig.templates.sample.${f}`)]))
  const preview = fillTemplate(body, sample)

  /** The form's refusal of the text's placeholders, in the UI's language; undefined: none. */
  function placeholderRefusal(text: string): string | undefined {
    const { unknown, fullWidth } = templatePlaceholderProblems(text)
    if (fullWidth.length > 0)
      return t('adminConfig.templates.fullWidth', {
        names: fullWidth.map((n) => `｛${n}｝ → {${n}}`).join('、'),
      })
    if (unknown.length > 0)
      return t('adminConfig.templates.unknownRefused', {
        names: unknown.map((n) => `{${n}}`).join('、'),
        known: FIELDS.map((f) => `{${nameOf(f)}}`).join('、'),
      })
    return undefined
  }

  /** Puts `{name}` in place of the selection (or at the cursor; at the end if the text never had focus). */
  function insert(field: TemplateField) {
    const el = textArea.current?.resizableTextArea?.textArea
    const current: string = form.getFieldValue('body') ?? ''
    const start = el?.selectionStart ?? current.length
    const end = el?.selectionEnd ?? start
    const token = `{${nameOf(field)}}`
    form.setFieldValue('body', current.slice(0, start) + token + current.slice(end))
    requestAnimationFrame(() => {
      el?.focus()
      el?.setSelectionRange(start + token.length, start + token.length)
    })
  }

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{
        category: initial?.category ?? '',
        title: initial?.title ?? '',
        body: initial?.body ?? '',
        isActive: initial?.isActive ?? true,
      }}
      onFinish={(v) =>
        onSubmit({
          category: v.category?.trim() || null,
          title: v.title.trim(),
          body: v.body,
          isActive: v.isActive,
        })
      }
    >
      <Form.Item
        label={t('adminConfig.templates.category')}
        name="category"
        extra={t('adminConfig.templates.categoryHint')}
        rules={[{ max: 100 }]}
      >
        <Input />
      </Form.Item>
      <Form.Item
        label={t('adminConfig.templates.name')}
        name="title"
        rules={[
          { required: true, whitespace: true, message: t('adminConfig.common.required') },
          { max: 100 },
        ]}
      >
        <Input />
      </Form.Item>
      <Space
        wrap
        style={{ marginBottom: 8 }}
        role="group"
        aria-label={t('adminConfig.templates.palette')}
      >
        <Typography.Text type="secondary">{t('adminConfig.templates.palette')}</Typography.Text>
        {FIELDS.map((f) => (
          <Button
            key={f}
            size="small"
            aria-label={t('adminConfig.templates.insert', {
              name: t(`adminConfig.templates.placeholders.${f}`),
            })}
            onClick={() => insert(f)}
          >
            {`{${nameOf(f)}}`}
          </Button>
        ))}
      </Space>
      <Form.Item
        label={t('adminConfig.templates.body')}
        name="body"
        rules={[
          { required: true, whitespace: true, message: t('adminConfig.common.required') },
          { max: 20_000 },
          {
            validator: (_, value?: string) => {
              const refusal = placeholderRefusal(value ?? '')
              return refusal ? Promise.reject(new Error(refusal)) : Promise.resolve()
            },
          },
        ]}
      >
        <Input.TextArea ref={textArea} autoSize={{ minRows: 6, maxRows: 16 }} />
      </Form.Item>
      <Card size="small" title={t('adminConfig.templates.preview')} style={{ marginBottom: 16 }}>
        {/* text, never HTML: pre-wrap keeps the template's line breaks */}
        <div data-testid="template-preview" style={{ whiteSpace: 'pre-wrap' }}>
          {preview.text}
        </div>
        {preview.unknown.length > 0 && (
          <Alert
            style={{ marginTop: 8 }}
            type="warning"
            showIcon
            title={t('adminConfig.templates.unknown', {
              names: preview.unknown.map((n) => `{${n}}`).join('、'),
            })}
          />
        )}
      </Card>
      <Flex justify="space-between" align="center">
        <Form.Item
          label={t('adminConfig.templates.active')}
          name="isActive"
          valuePropName="checked"
          style={{ marginBottom: 0 }}
        >
          <Switch />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={isSaving}>
          {t('adminConfig.common.save')}
        </Button>
      </Flex>
    </Form>
  )
}
