/**
 * Filters of the queue: status, assignee, text search, received date range (YYYY-MM-DD in
 * Asia/Shanghai, as the API counts days), due (overdue / within N working days), sort, and 只看待回填平台 (desk replies not
 * yet on the channel's platform; see queue-view.ts `unpostedPatch`) and 只看已催办 with its count. Each change goes to the URL via `onChange`.
 * The dates are antd's range picker on YYYY-MM-DD strings (components/date-inputs.tsx): a
 * calendar date carries no zone, and the browser's native input would show mm/dd/yyyy.
 */
import { QUEUE_SORTS, STATUS_FILTERS } from '@desk/domain'
import { useQuery } from '@tanstack/react-query'
import { Button, Checkbox, Flex, Input, Select } from 'antd'
import { useTranslation } from 'react-i18next'
import { DateRangeInput } from '../../../components/date-inputs.tsx'
import { countText } from '../api/count-text.ts'
import { queueQueries } from '../api/queue-queries.ts'
import { ASSIGNEE_FILTERS, unpostedPatch, type QueueView } from '../api/queue-view.ts'

/** The due choices offered (the API's `due`): overdue, due today (0), within 1 / 3 / 5 working days. */
const DUE_CHOICES = ['overdue', '0', '1', '3', '5'] as const
const ANY_DUE = ''

type Props = { view: QueueView; onChange: (patch: Partial<QueueView>) => void; onReset: () => void }

export function QueueFilters({ view, onChange, onReset }: Props) {
  const { t, i18n } = useTranslation()
  // the urged items among the view's (the same filter as the list it shows when ticked)
  const urged = useQuery(queueQueries.counts({ ...view, urged: '1' }))
  return (
    <Flex wrap gap={8} align="center" style={{ marginBottom: 16 }}>
      <Select
        aria-label={t('queue.filter.status')}
        value={view.status}
        style={{ width: 140 }}
        options={STATUS_FILTERS.map((s) => ({ value: s, label: t(`queue.statusFilter.${s}`) }))}
        onChange={(status) => onChange({ status })}
      />
      <Select
        aria-label={t('queue.filter.assignee')}
        value={view.assignee}
        style={{ width: 140 }}
        options={ASSIGNEE_FILTERS.map((a) => ({ value: a, label: t(`queue.assigneeFilter.${a}`) }))}
        onChange={(assignee) => onChange({ assignee })}
      />
      <Input.Search
        key={view.q ?? ''}
        aria-label={t('queue.filter.q')}
        placeholder={t('queue.filter.qPlaceholder')}
        defaultValue={view.q}
        allowClear
        style={{ width: 240 }}
        onSearch={(q) => onChange({ q: q.trim() || undefined })}
      />
      <DateRangeInput
        from={view.from}
        to={view.to}
        labels={[t('queue.filter.from'), t('queue.filter.to')]}
        allowEmpty
        onChange={(from, to) => onChange({ from, to })}
      />
      <Select
        aria-label={t('due.filter.label')}
        value={view.due ?? ANY_DUE}
        style={{ width: 190 }}
        options={[
          { value: ANY_DUE, label: t('due.filter.any') },
          // a link may carry another N (due=7): offer it as it is
          ...[
            ...DUE_CHOICES,
            ...(view.due && !(DUE_CHOICES as readonly string[]).includes(view.due)
              ? [view.due]
              : []),
          ].map((d) => ({
            value: d,
            label:
              d === 'overdue'
                ? t('due.filter.overdue')
                : d === '0'
                  ? t('due.filter.today')
                  : t('due.filter.within', { count: Number(d) }),
          })),
        ]}
        onChange={(due: string) => onChange({ due: due || undefined })}
      />
      <Select
        aria-label={t('queue.filter.sort')}
        value={view.sort}
        style={{ width: 160 }}
        options={QUEUE_SORTS.map((s) => ({ value: s, label: t(`queue.sort.${s}`) }))}
        onChange={(sort) => onChange({ sort })}
      />
      <Checkbox
        checked={view.unposted === '1'}
        onChange={(e) => onChange(unpostedPatch(view, e.target.checked))}
      >
        {t('unposted.filter')}
      </Checkbox>
      <Checkbox
        checked={view.urged === '1'}
        onChange={(e) => onChange({ urged: e.target.checked ? '1' : undefined })}
      >
        {t('rounds.urgedFilter', {
          count: urged.data ? countText(t, i18n.language, urged.data.total, urged.data.capped) : 0,
        })}
      </Checkbox>
      <Button onClick={onReset}>{t('queue.filter.reset')}</Button>
    </Flex>
  )
}
