/**
 * The one sentence the inquiry page shows under a disclosure request's due date, built from its
 * clock (clock.ts): where the period starts, its length and source, what paused or extended it,
 * and the due date — or, while it cannot run, what it waits for.
 */
import type { DisclosureClock } from './clock.ts'

export type ExplainLanguage = 'zh' | 'en'

const PARTY = {
  zh: { third_party: '第三方', agency: '其他机关' },
  en: { third_party: 'a third party', agency: 'another agency' },
} as const

function zh(c: DisclosureClock): string {
  const cor = c.correction
  if (c.state === 'awaiting_correction' && cor) {
    return `已于${cor.requestedOn}发出补正告知，申请人应于${cor.answerBy}前补正，逾期未补正视为放弃申请；答复期限自收到补正之日起重新计算（条例第三十条）。`
  }
  if (c.state === 'correction_lapsed' && cor) {
    return `申请人未在${cor.answerBy}前补正，视为放弃申请（条例第三十条），应按“申请人无正当理由逾期不补正”办结。`
  }
  if (c.state === 'in_consultation' && c.openConsultation) {
    const o = c.openConsultation
    return `自${o.from}起征求${PARTY.zh[o.party]}意见，所需时间不计入答复期限（条例第三十二条、第三十三条）；${PARTY.zh[o.party]}应于${o.replyBy}前答复。`
  }
  const start = cor?.receivedOn
    ? `${cor.receivedOn}收到补正后的申请，答复期限自该日重新计算`
    : `${c.receivedOn}收到申请`
  const parts = [`${start}，依${c.rule.source}应在${c.rule.amount}个工作日内答复`]
  const paused = c.consultations.reduce((n, x) => n + x.workingDays, 0)
  if (paused > 0) parts.push(`征求意见不计入${paused}个工作日`)
  if (c.extensionDays > 0) parts.push(`经批准延长${c.extensionDays}个工作日`)
  const due = c.due ? `答复期限为${c.due.date}` : ''
  const decided = c.decidedOn
    ? `，已于${c.decidedOn}答复${c.inTime === false ? '（超期）' : ''}`
    : ''
  return `${parts.join('，')}，${due}${decided}。`
}

function en(c: DisclosureClock): string {
  const cor = c.correction
  if (c.state === 'awaiting_correction' && cor) {
    return `A request to correct (补正) went out on ${cor.requestedOn}; the applicant has until ${cor.answerBy}, after which the request counts as given up, and the answer period runs afresh from the day the correction arrives (Art. 30).`
  }
  if (c.state === 'correction_lapsed' && cor) {
    return `The applicant did not correct the request by ${cor.answerBy}, so it counts as given up (Art. 30) and is closed as "not corrected in time".`
  }
  if (c.state === 'in_consultation' && c.openConsultation) {
    const o = c.openConsultation
    return `Consulting ${PARTY.en[o.party]} since ${o.from}; that time does not count towards the answer period (Arts. 32–33), and the reply is due by ${o.replyBy}.`
  }
  const start = cor?.receivedOn
    ? `The corrected request arrived on ${cor.receivedOn}, so the period runs afresh from that day`
    : `Received on ${c.receivedOn}`
  const parts = [`${start}: ${c.rule.amount} working days to answer (${c.rule.source})`]
  const paused = c.consultations.reduce((n, x) => n + x.workingDays, 0)
  if (paused > 0) parts.push(`plus ${paused} working days of consultation that do not count`)
  if (c.extensionDays > 0)
    parts.push(`plus an approved extension of ${c.extensionDays} working days`)
  const due = c.due ? `, due ${c.due.date}` : ''
  const decided = c.decidedOn
    ? `; answered on ${c.decidedOn}${c.inTime === false ? ' (late)' : ''}`
    : ''
  return `${parts.join(', ')}${due}${decided}.`
}

/** The due-date sentence of a clock in Chinese (`zh`, as the desk prints it) or English. */
export function explainDisclosureClock(clock: DisclosureClock, lang: ExplainLanguage): string {
  return lang === 'zh' ? zh(clock) : en(clock)
}
