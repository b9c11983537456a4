/**
 * On the queue page: the filters a dashboard link added that the queue has no control for
 * (replied, category, uncategorized, one assignee's id, satisfaction, department), and those the annual report's
 * proposals sentence adds (a source body, key proposals only), as closable tags, so the view
 * says why it lists what it lists; closing a tag drops that filter from the URL. Renders nothing without them.
 * Names: a department's from the department list (`GET /api/departments`, any staff member); the assignee's is
 * `assigneeName` when the page knows it (the API lists users to admins only), else the tag shows the user id.
 */
import { REPLY_FILTERS, SATISFACTION_FILTERS } from '@desk/domain'
import { useQuery } from '@tanstack/react-query'
import { Flex, Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { departmentQueries } from '../../../lib/departments.ts'

const LINKED = [
  'replied',
  'category',
  'uncategorized',
  'assignee',
  'satisfaction',
  'department',
  'proposalSource',
  'keyProposal',
] as const
type Linked = (typeof LINKED)[number]
const ID = /^[1-9]\d*$/

type Props = {
  /** display name of the user whose id the `assignee` param holds; undefined: not known (the id is shown) */
  assigneeName?: string | undefined
}

export function LinkedFilterTags({ assigneeName }: Props) {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const departmentId = params.get('department')
  const departments = useQuery({
    ...departmentQueries.list(),
    enabled: departmentId !== null && ID.test(departmentId),
  })
  const departmentName = (id: string) => departments.data?.find((d) => String(d.id) === id)?.name
  const label = (key: Linked, value: string): string | null => {
    if (key === 'replied')
      return REPLY_FILTERS.some((r) => r === value) ? t(`dashboard.linked.replied.${value}`) : null
    if (key === 'category') return t('dashboard.linked.category', { category: value })
    if (key === 'satisfaction')
      return SATISFACTION_FILTERS.some((s) => s === value)
        ? t(`dashboard.linked.satisfaction.${value}`)
        : null
    if (key === 'uncategorized') return value === '1' ? t('dashboard.uncategorized') : null
    if (key === 'proposalSource') return t('dashboard.linked.proposalSource', { source: value })
    if (key === 'keyProposal') return value === '1' ? t('dashboard.linked.keyProposal') : null
    if (key === 'department') {
      if (value === 'none')
        return t('dashboard.linked.department', { name: t('dashboard.undispatched') })
      if (!ID.test(value)) return null
      const name = departmentName(value)
      return name
        ? t('dashboard.linked.department', { name })
        : t('dashboard.linked.departmentId', { id: value })
    }
    // the queue's own control covers `mine` and `unassigned`; a user id comes only from a link
    if (!ID.test(value)) return null
    return assigneeName
      ? t('dashboard.linked.assignee', { name: assigneeName })
      : t('dashboard.linked.assigneeId', { id: value })
  }
  const tags = LINKED.flatMap((key) => {
    const value = params.get(key)
    const text = value === null ? null : label(key, value)
    return text ? [{ key, text }] : []
  })
  if (tags.length === 0) return null
  const drop = (key: Linked) => {
    const next = new URLSearchParams(params)
    next.delete(key)
    setParams(next)
  }
  return (
    <Flex
      wrap
      gap={4}
      align="center"
      style={{ marginBottom: 8 }}
      aria-label={t('dashboard.linked.label')}
    >
      {tags.map((tag) => (
        <Tag
          key={tag.key}
          color="blue"
          closable={{ 'aria-label': t('dashboard.linked.remove', { filter: tag.text }) }}
          onClose={() => drop(tag.key)}
        >
          {tag.text}
        </Tag>
      ))}
    </Flex>
  )
}
