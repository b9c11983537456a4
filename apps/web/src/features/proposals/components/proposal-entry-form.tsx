/**
 * Registering one suggestion or proposal by hand (`POST /api/proposals`), with the fields the
 * lifecycle needs: source, session and number, 主办 or 协办 (a co-unit item names its lead unit,
 * a lead item its co-units), key flag, title and text, the deputy, the assignment date and an
 * optional stated due date. The input is checked with the domain's `proposalInputSchema` (the
 * API's own check), whose problems are said as the assignment list's import says them
 * (`importIssues.<code>`); the API's answer is shown the same way. On success the page opens the
 * register of the item's year.
 */
import {
  DEFAULT_PROPOSAL_SOURCES,
  PROPOSAL_ROLES,
  issueOfZod,
  proposalInputSchema,
  toZonedDate,
  type ProposalInput,
} from '@desk/domain'
import { Alert, AutoComplete, Button, Checkbox, Form, Input, Radio, Select } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { DateInput } from '../../../components/date-inputs.tsx'
import { ApiError } from '../../../lib/api-client.ts'
import { errorText } from '../../../lib/error-text.ts'
import { importIssueText, type IssueLike } from '../../../lib/import-issues.ts'
import { useCreateProposal } from '../api/proposal-queries.ts'

type Values = {
  source: string
  session: string
  number: string
  role: ProposalInput['role']
  leadUnit?: string
  coUnits: string[]
  isKey: boolean
  title: string
  body?: string
  deputyName: string
  deputyContact?: string
  assignedOn: string
  dueOn?: string
}

/** A zod issue, or a 422 answer's detail (`{ path, message }`). */
type Problem = { path: readonly PropertyKey[]; message: string; code?: string }

type Props = { onCreated: (created: { id: number; assignedOn: string }) => void }

export function ProposalEntryForm({ onCreated }: Props) {
  const { t } = useTranslation()
  const [form] = Form.useForm<Values>()
  const create = useCreateProposal()
  const [today] = useState(() => toZonedDate(Date.now()))
  const role = Form.useWatch('role', form)

  // each field's first problem, said at render time (so a language switch says it again)
  const [problems, setProblems] = useState<Partial<Record<string, IssueLike>>>({})
  const showProblems = (issues: readonly Problem[]) => {
    const byField: Record<string, IssueLike> = {}
    for (const issue of issues) {
      const field = String(issue.path[0] ?? 'title')
      byField[field] ??= { ...issueOfZod({ code: 'custom', ...issue }), reason: issue.message }
    }
    setProblems(byField)
  }
  const at = (field: keyof Values) => {
    const problem = problems[field]
    return problem ? { validateStatus: 'error' as const, help: importIssueText(problem) } : {}
  }

  const submit = (values: Values) => {
    const input = {
      ...values,
      assignedOn: values.assignedOn || undefined,
      dueOn: values.dueOn || undefined,
      coUnits: values.role === 'lead' ? values.coUnits : [],
      leadUnit: values.role === 'co' ? values.leadUnit : undefined,
    }
    const checked = proposalInputSchema.safeParse(input)
    if (!checked.success) return showProblems(checked.error.issues)
    create.mutate(checked.data, {
      onSuccess: (r) => onCreated({ id: r.id, assignedOn: checked.data.assignedOn }),
      onError: (error) => {
        if (error instanceof ApiError && error.status === 422 && Array.isArray(error.details))
          showProblems(error.details as Problem[])
      },
    })
  }
  // a 422 is shown at its fields; a proposal registered before names its inquiry
  const failed =
    create.error instanceof ApiError && create.error.status === 422 ? null : create.error
  const registered =
    failed instanceof ApiError && failed.code === 'CONFLICT'
      ? (failed.details as { id?: unknown; reference?: unknown } | undefined)
      : undefined
  const registeredId = registered?.id

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      style={{ maxWidth: 720 }}
      data-testid="proposal-entry-form"
      initialValues={{ role: 'lead', isKey: false, coUnits: [], assignedOn: today }}
      onFinish={submit}
      onValuesChange={(changed: Partial<Values>) =>
        setProblems((p) =>
          Object.fromEntries(Object.entries(p).filter(([field]) => !(field in changed))),
        )
      }
    >
      <Form.Item name="source" {...at('source')} label={t('proposals.columns.source')} required>
        <AutoComplete
          options={DEFAULT_PROPOSAL_SOURCES.map((s) => ({ value: s.name }))}
          placeholder={t('proposals.entry.sourceExample')}
        />
      </Form.Item>
      <Form.Item name="session" {...at('session')} label={t('proposals.entry.session')} required>
        <Input placeholder={t('proposals.entry.sessionExample')} />
      </Form.Item>
      <Form.Item name="number" {...at('number')} label={t('proposals.entry.number')} required>
        <Input placeholder="0123" style={{ maxWidth: 200 }} />
      </Form.Item>
      <Form.Item name="role" {...at('role')} label={t('proposals.columns.role')}>
        <Radio.Group
          options={PROPOSAL_ROLES.map((r) => ({ value: r, label: t(`proposals.role.${r}`) }))}
        />
      </Form.Item>
      {role === 'co' ? (
        <Form.Item name="leadUnit" {...at('leadUnit')} label={t('proposals.leadUnit')} required>
          <Input />
        </Form.Item>
      ) : (
        <Form.Item
          name="coUnits"
          {...at('coUnits')}
          label={t('proposals.coUnits')}
          extra={t('proposals.entry.coUnitsHint')}
        >
          <Select mode="tags" tokenSeparators={['、', '，', ',', '；', ';']} open={false} />
        </Form.Item>
      )}
      <Form.Item name="isKey" {...at('isKey')} valuePropName="checked">
        <Checkbox>{t('proposals.entry.isKey')}</Checkbox>
      </Form.Item>
      <Form.Item name="title" {...at('title')} label={t('proposals.columns.title')} required>
        <Input />
      </Form.Item>
      <Form.Item name="body" {...at('body')} label={t('proposals.entry.body')}>
        <Input.TextArea rows={4} />
      </Form.Item>
      <Form.Item
        name="deputyName"
        {...at('deputyName')}
        label={t('proposals.columns.deputy')}
        required
      >
        <Input style={{ maxWidth: 320 }} />
      </Form.Item>
      <Form.Item
        name="deputyContact"
        {...at('deputyContact')}
        label={t('proposals.entry.deputyContact')}
      >
        <Input style={{ maxWidth: 320 }} />
      </Form.Item>
      <Form.Item name="assignedOn" {...at('assignedOn')} label={t('proposals.assignedOn')} required>
        <DateInput label={t('proposals.assignedOn')} max={today} value="" onChange={() => {}} />
      </Form.Item>
      <Form.Item
        name="dueOn"
        {...at('dueOn')}
        label={t('proposals.entry.dueOn')}
        extra={t('proposals.entry.dueOnHint')}
      >
        <DateInput label={t('proposals.entry.dueOn')} value="" onChange={() => {}} />
      </Form.Item>
      {failed && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={
            typeof registeredId === 'number'
              ? t('proposals.entry.registered', {
                  id: registeredId,
                  reference: typeof registered?.reference === 'string' ? registered.reference : '',
                })
              : errorText(failed)
          }
        />
      )}
      <Button type="primary" htmlType="submit" loading={create.isPending}>
        {t('proposals.entry.submit')}
      </Button>
    </Form>
  )
}
