/**
 * The bureau's 2017 disclosure requests: 760 received across 2017 under the 2008 条例 (15 working
 * days), every one decided within its limit and before the year ended, one of them taken to
 * 行政复议 (upheld), so the year's table gives the 2017 report's sentences
 * "全年共受理依申请公开760件，均全部办结。" and "发生针对本部门有关政府信息公开事务的行政复议案件1件。".
 * They arrive on the disclosure office's own channel as an imported register would bring them
 * (registerRequests). External ids `OGI2017-n` whatever the seed, so seeding again creates
 * nothing.
 */
import {
  addCalendarDays,
  addWorkingDays,
  startOfZonedDay,
  type ApplicantType,
  type OutcomeCode,
  type ReceiptMethod,
} from '@desk/domain'
import type { Db } from '../../db/client.ts'
import { loadCalendar } from '../calendar/calendar.service.ts'
import { ensureDeadlineSetup } from '../deadlines/deadlines.service.ts'
import { fileReviewCaseOnce, registerRequests } from '../disclosure/disclosure-import.service.ts'
import { createRandom } from './random.ts'

export const DISCLOSURE_2017_COUNT = 760
const HOUR = 3_600_000

// a land-resources bureau's requests: mostly citizens asking about land takings and titles
const APPLICANTS: Record<ApplicantType, number> = {
  natural_person: 90,
  commercial: 5,
  research: 1,
  public_interest: 1,
  legal_service: 2,
  other_org: 1,
}
const METHODS: Record<ReceiptMethod, number> = {
  in_person: 50,
  online: 30,
  registered_post: 15,
  ordinary_letter: 3,
  fax: 2,
}
const OUTCOMES: Partial<Record<OutcomeCode, number>> = {
  grant: 55,
  partial: 8,
  'withhold.third_party_rights': 2,
  'withhold.process_information': 2,
  'unable.not_held': 22,
  'unable.needs_creation': 3,
  'not_processed.petition_complaint': 4,
  'not_processed.repeated': 2,
  'other.other': 2,
}
const SUBJECTS = [
  '征收补偿方案及批复文件',
  '建设用地规划许可证',
  '土地出让合同',
  '不动产登记资料',
  '城市总体规划图则',
  '违法建设查处决定书',
]
// the year's last working day: everything is decided in 2017
const LAST_DECISION = '2017-12-29'

/** Seeds the year. @returns requests created now and those that existed already */
export async function seedDisclosure2017(
  db: Db,
  now: number,
  seed = 2017,
): Promise<{ created: number; duplicates: number }> {
  await ensureDeadlineSetup(db, now)
  const cal = await loadCalendar(db)
  const rnd = createRandom(seed ^ 0x7600)
  const weighted = <K extends string>(w: Partial<Record<K, number>>) =>
    rnd.pickWeighted(Object.keys(w) as K[], (k) => w[k] ?? 0)
  const items = Array.from({ length: DISCLOSURE_2017_COUNT }, (_, i) => {
    // spread over 2017-01-03 .. mid-December, on working days
    let receivedOn = addCalendarDays('2017-01-03', Math.floor((i * 345) / DISCLOSURE_2017_COUNT))
    while (!cal.isWorkingDay(receivedOn)) receivedOn = addCalendarDays(receivedOn, 1)
    const decided = addWorkingDays(cal, receivedOn, rnd.int(1, 12))
    const subject = rnd.pick(SUBJECTS)
    return {
      externalId: `OGI2017-${i + 1}`,
      subject: `申请公开${subject}`,
      body: `申请人依《中华人民共和国政府信息公开条例》申请公开${subject}。`,
      applicantName: `申请人${i + 1}`,
      applicantType: weighted(APPLICANTS),
      receiptMethod: weighted(METHODS),
      receivedOn,
      decision: {
        outcome: weighted(OUTCOMES),
        decidedAt:
          startOfZonedDay(decided > LAST_DECISION ? LAST_DECISION : decided) +
          rnd.int(9, 16) * HOUR,
      },
    }
  })
  const results = await registerRequests(db, items, {
    actorId: null,
    now,
    eventType: 'imported',
  })
  const reviewed = results[99]
  if (reviewed) {
    await fileReviewCaseOnce(
      db,
      reviewed.id,
      {
        kind: 'review',
        filedOn: '2017-06-12',
        result: 'upheld',
        concludedOn: '2017-08-10',
        note: '复议机关维持原答复',
      },
      now,
    )
  }
  const created = results.filter((r) => r.created).length
  return { created, duplicates: results.length - created }
}
