/**
 * The sentence of a due date's computation, from the API's `deadline.explanation` (domain
 * `DeadlineExplanation`, computeDeadline in packages/domain/src/deadline/compute.ts), e.g.
 * zh-CN: `2024-09-27（周五）收到；自次一工作日起算 13 个工作日；09-29 为调休工作日；10-01…10-07 国庆节；2024-10-10 到期`
 * en:    `received Fri 2024-09-27; 13 working days from the next working day; 09-29 is a make-up workday;
 *         10-01…10-07 National Day; due 2024-10-10`.
 * A disclosure request's period run afresh after its 补正 (`correction`) starts from the day the
 * corrected request arrived: `2024-10-12（周六）收到补正后的申请（原申请 2024-09-27 收到），期限重新计算；…`.
 * Dates in the receipt's year are shown as MM-DD, others in full. Holiday names are the calendar's
 * Chinese data; English maps them through `deadlines.holidayNames` (unknown names stay Chinese).
 */
import type { DeadlineExplanation } from '@desk/domain'
import type { TFunction } from 'i18next'

const RANGE = '…'

/** The parts of the sentence, in order; join them with `deadlines.explain.separator`. */
export function explainDeadline(e: DeadlineExplanation, t: TFunction): string[] {
  const year = e.received.date.slice(0, 4)
  const short = (date: string) => (date.slice(0, 4) === year ? date.slice(5) : date)
  const weekday = (n: number) => t(`deadlines.weekdays.${n}`)
  const holidayName = (name: string | null) =>
    name === null
      ? t('deadlines.explain.holiday')
      : name
          .split('、')
          .map((part) => t(`deadlines.holidayNames.${part}`, { defaultValue: part }))
          .join(t('deadlines.explain.nameJoin'))
  const unit = (count: number) => t(`deadlines.units.${e.rule}`, { count })
  // pauses of a months rule are counted in calendar days (compute.ts)
  const pauseUnit = (count: number) =>
    t(`deadlines.units.${e.rule === 'calendar_months' ? 'calendar_days' : e.rule}`, { count })

  const dayNote =
    e.received.kind === 'holiday' || e.received.kind === 'makeup_workday'
      ? t(`deadlines.explain.receivedOn.${e.received.kind}`, { name: holidayName(e.received.name) })
      : ''
  const day = { date: e.received.date, weekday: weekday(e.received.weekday) }
  // a period run afresh after a 补正 names the day of the corrected request, its own day note inside
  const parts = [
    e.correction
      ? t('deadlines.explain.correctionReceived', {
          ...day,
          dayNote,
          requestReceivedOn: e.correction.requestReceivedOn,
        })
      : t('deadlines.explain.received', day) + dayNote,
  ]
  parts.push(
    e.rule === 'same_day' && e.amount === 0
      ? t('deadlines.explain.sameDay')
      : t(`deadlines.explain.start.${e.start}`, { amount: unit(e.amount) }),
  )
  if (e.pausedUnits > 0)
    parts.push(t('deadlines.explain.paused', { amount: pauseUnit(e.pausedUnits) }))
  if (e.extensionUnits > 0)
    parts.push(t('deadlines.explain.extended', { amount: unit(e.extensionUnits) }))
  if (e.makeupWorkdays.length > 0) {
    parts.push(
      t('deadlines.explain.makeup', {
        count: e.makeupWorkdays.length,
        dates: e.makeupWorkdays.map((d) => short(d.date)).join(t('deadlines.explain.listJoin')),
      }),
    )
  }
  for (const h of e.holidays) {
    const span = h.from === h.to ? short(h.from) : `${short(h.from)}${RANGE}${short(h.to)}`
    parts.push(t('deadlines.explain.holidayRun', { span, name: holidayName(h.name) }))
  }
  if (e.isRolledOver) parts.push(t('deadlines.explain.rolledOver'))
  const dueTime =
    e.rule === 'hours'
      ? ` ${new Date(e.due.at).toLocaleTimeString('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit' })}`
      : ''
  parts.push(t('deadlines.explain.due', { date: `${e.due.date}${dueTime}` }))
  return parts
}
