/**
 * On the queue page: the filters a dashboard link added that the queue has no control for
 * (replied, category, uncategorized, one assignee's id, satisfaction), as closable tags, so the view says why it
 * lists what it lists; closing a tag drops that filter from the URL. Renders nothing without them.
 */
import { REPLY_FILTERS, SATISFACTION_FILTERS } from '@desk/domain'
import { Flex, Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'

const LINKED = ['replied', 'category', 'uncategorized', 'assignee', 'satisfaction'] as const
type Linked = (typeof LINKED)[number]

export function LinkedFilterTags() {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const label = (key: Linked, value: string): string | null => {
    if (key === 'replied') return REPLY_FILTERS.some((r) => r === value) ? t(`dashboard.linked.replied.${value}`) : null
    if (key === 'category') return t('dashboard.linked.category', { category: value })
    if (key === 'satisfaction') return SATISFACTION_FILTERS.some((s) => s === value) ? t(`dashboard.linked.satisfaction.${value}`) : null
    if (key === 'uncategorized') return value === '1' ? t('dashboard.uncategorized') : null
    // the queue's own control covers `mine` and `unassigned`; a user id comes only from a link
    return /^[1-9]\d*$/.test(value) ? t('dashboard.linked.assignee', { id: value }) : null
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
    <Flex wrap gap={4} align="center" style={{ marginBottom: 8 }} aria-label={t('dashboard.linked.label')}>
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
