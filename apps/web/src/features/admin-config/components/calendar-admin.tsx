/**
 * The working-day calendar screen: missing-year warning, loaded years, the listed dates of the
 * chosen year as a list or as month grids (add, correct, remove), a year upload, and after each change how many open
 * inquiries' due dates moved (the API's recompute answer).
 */
import { dayOfWeek, toZonedDate } from '@desk/domain'
import { Button, Col, Flex, Modal, Row, Segmented, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  useRemoveCalendarDay,
  useSetCalendarDay,
  type CalendarDay,
  type Recompute,
} from '../api/calendar-queries.ts'
import { CalendarDayForm, type DayValues } from './calendar-day-form.tsx'
import { CalendarDays } from './calendar-days.tsx'
import { CalendarImport } from './calendar-import.tsx'
import { CalendarYearGrid } from './calendar-year-grid.tsx'
import { CalendarYears } from './calendar-years.tsx'
import { MissingYearsBanner } from './missing-years-banner.tsx'
import { RecomputeResult } from './recompute-result.tsx'

type Editing = { initial: DayValues | null } | null

const toValues = (d: CalendarDay): DayValues => ({
  date: d.date,
  isOffDay: d.isOffDay,
  ...(d.name ? { name: d.name } : {}),
})

export function CalendarAdmin() {
  const { t } = useTranslation()
  const [year, setYear] = useState(() => Number(toZonedDate(Date.now()).slice(0, 4)))
  const [editing, setEditing] = useState<Editing>(null)
  const [result, setResult] = useState<Recompute | null>(null)
  const [view, setView] = useState<'list' | 'grid'>('list')
  const setDay = useSetCalendarDay()
  const removeDay = useRemoveCalendarDay()

  const save = (values: DayValues) =>
    setDay.mutate(values, {
      onSuccess: (r) => {
        setResult(r.recompute)
        setEditing(null)
        setYear(Number(values.date.slice(0, 4)))
      },
    })

  return (
    <Flex vertical gap={16}>
      <MissingYearsBanner />
      {result && <RecomputeResult result={result} onClose={() => setResult(null)} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Flex vertical gap={16}>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('adminConfig.calendar.years')}
            </Typography.Title>
            <CalendarYears selected={year} onSelect={setYear} />
            <CalendarImport
              onLoaded={(loaded, recompute) => {
                setYear(loaded)
                setResult(recompute)
              }}
            />
          </Flex>
        </Col>
        <Col xs={24} xl={14}>
          <Flex vertical gap={8}>
            <Flex justify="space-between" align="center">
              <Typography.Title level={5} style={{ margin: 0 }}>
                {t('adminConfig.calendar.dayList', { year })}
              </Typography.Title>
              <Flex gap={8}>
                <Segmented<'list' | 'grid'>
                  value={view}
                  onChange={setView}
                  options={[
                    { value: 'list', label: t('adminConfig.calendar.listView') },
                    { value: 'grid', label: t('adminConfig.calendar.gridView') },
                  ]}
                />
                <Button type="primary" onClick={() => setEditing({ initial: null })}>
                  {t('adminConfig.calendar.addDay')}
                </Button>
              </Flex>
            </Flex>
            {view === 'list' ? (
              <CalendarDays
                year={year}
                onEdit={(d) => setEditing({ initial: toValues(d) })}
                onRemove={(date) =>
                  removeDay.mutate(date, { onSuccess: (r) => setResult(r.recompute) })
                }
              />
            ) : (
              // an unlisted weekday is most likely becoming a holiday, an unlisted weekend day a make-up workday
              <CalendarYearGrid
                year={year}
                onPick={(date, d) =>
                  setEditing({
                    initial: d ? toValues(d) : { date, isOffDay: dayOfWeek(date) % 6 !== 0 },
                  })
                }
              />
            )}
          </Flex>
        </Col>
      </Row>
      {editing && (
        <Modal
          open
          title={t('adminConfig.calendar.addDay')}
          footer={null}
          onCancel={() => setEditing(null)}
          destroyOnHidden
        >
          <CalendarDayForm initial={editing.initial} isSaving={setDay.isPending} onSubmit={save} />
        </Modal>
      )}
    </Flex>
  )
}
