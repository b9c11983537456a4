/// <reference types="node" />
// The disclosure clock on the State Council's real arrangements (../shared/data/holiday-cn, read
// through DESK_SHARED_DATA or <repo>/../shared/data; skipped with a notice when absent, failing
// under CI=true). Expected dates were counted by hand from the notices, not by the code under test.
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { buildCalendar } from '../calendar/calendar.ts'
import { parseHolidayCnYear } from '../calendar/holiday-cn.ts'
import { DEFAULT_DEADLINE_POLICIES } from '../deadline/default-policies.ts'
import { formatInstant } from '../time.ts'
import {
  DisclosureClockError,
  disclosureClock,
  lateStepRefusal,
  type DisclosureClockEvent,
} from './clock.ts'
import { explainDisclosureClock } from './explain.ts'
import { receiptDate } from './receipt.ts'

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url))
const dataDir = resolve(
  process.env.DESK_SHARED_DATA ?? resolve(repoRoot, '../shared/data'),
  'holiday-cn',
)
const hasData = existsSync(resolve(dataDir, '2024.json'))
if (!hasData) {
  if (process.env.CI === 'true') throw new Error(`shared data missing at ${dataDir} (CI=true)`)
  console.warn(`[skip] holiday-cn data not found at ${dataDir}: disclosure clock tests skipped`)
}
const YEARS = [2019, 2024, 2025]
const cal = buildCalendar(
  hasData
    ? YEARS.flatMap((y) => {
        const r = parseHolidayCnYear(
          JSON.parse(readFileSync(resolve(dataDir, `${y}.json`), 'utf8')),
        )
        if (!r.ok) throw new Error(`${y}.json unreadable`)
        return r.value.days
      })
    : [],
  YEARS,
)

const clock = (receivedOn: string, events: DisclosureClockEvent[] = [], today = '2030-01-01') =>
  disclosureClock(DEFAULT_DEADLINE_POLICIES, cal, receivedOn, events, today)

describe('receipt date (第三十一条)', () => {
  const facts = { submittedOn: '2024-09-27', signedForOn: '2024-09-29', confirmedOn: '2024-09-30' }
  it('takes the day of the fact the method names', () => {
    expect(receiptDate('in_person', facts)).toEqual({
      ok: true,
      date: '2024-09-27',
      fact: 'submittedOn',
    })
    expect(receiptDate('registered_post', facts)).toEqual({
      ok: true,
      date: '2024-09-29',
      fact: 'signedForOn',
    })
    expect(receiptDate('ordinary_letter', facts)).toEqual({
      ok: true,
      date: '2024-09-30',
      fact: 'confirmedOn',
    })
    expect(receiptDate('online', facts)).toEqual({
      ok: true,
      date: '2024-09-30',
      fact: 'confirmedOn',
    })
    expect(receiptDate('fax', facts)).toEqual({ ok: true, date: '2024-09-30', fact: 'confirmedOn' })
  })
  it('has no receipt date for an ordinary letter not yet confirmed with the applicant', () => {
    expect(receiptDate('ordinary_letter', { submittedOn: '2024-09-27' })).toEqual({
      ok: false,
      missing: 'confirmedOn',
    })
  })
})

describe.runIf(hasData)('the disclosure clock on real calendars', () => {
  it('received on the eve of National Day 2024: 20 working days skip 10-01…10-07 and count Saturday 10-12', () => {
    const c = clock('2024-09-30')
    expect(c.rule.amount).toBe(20)
    // 10-08..11 (4), 10-12 Sat make-up (5), 10-14..18 (10), 10-21..25 (15), 10-28..11-01 (20)
    expect(c.due?.date).toBe('2024-11-01')
    expect(formatInstant(c.due!.at)).toBe('2024-11-01T17:00:00.000+08:00')
    // 补正 notice by the 7th working day: 10-08, 09, 10, 11, 12 (Sat), 14, 15
    expect(c.correctionNoticeBy).toBe('2024-10-15')
    expect(c.state).toBe('running')
  })

  it('a 补正 sent on working day 5 and answered on a Saturday make-up workday restarts the period from that Saturday', () => {
    // received Fri 09-27; working days 09-29 (Sun, make-up) 1, 09-30 2, 10-08 3, 10-09 4, 10-10 5
    const events: DisclosureClockEvent[] = [
      { type: 'correction_requested', on: '2024-10-10', answerBy: '2024-10-25' },
      { type: 'correction_received', on: '2024-10-12' },
    ]
    const waiting = clock('2024-09-27', events.slice(0, 1), '2024-10-11')
    expect(waiting.state).toBe('awaiting_correction')
    expect(waiting.due).toBeNull()
    expect(waiting.correction?.late).toBe(false)
    expect(waiting.correctionNoticeBy).toBe('2024-10-12')
    const c = clock('2024-09-27', events)
    expect(c.clockStart).toBe('2024-10-12')
    // 10-14..18 (5), 21..25 (10), 28..11-01 (15), 11-04..08 (20)
    expect(c.due?.date).toBe('2024-11-08')
    expect(explainDisclosureClock(c, 'zh')).toBe(
      '2024-10-12收到补正后的申请，答复期限自该日重新计算，依《中华人民共和国政府信息公开条例》（2019年修订）第三十三条应在20个工作日内答复，答复期限为2024-11-08。',
    )
  })

  it('a 补正 not answered by its date lapses: treated as given up', () => {
    const events: DisclosureClockEvent[] = [
      { type: 'correction_requested', on: '2024-10-10', answerBy: '2024-10-25' },
    ]
    expect(clock('2024-09-27', events, '2024-10-25').state).toBe('awaiting_correction')
    const lapsed = clock('2024-09-27', events, '2024-10-26')
    expect(lapsed.state).toBe('correction_lapsed')
    expect(explainDisclosureClock(lapsed, 'zh')).toContain('视为放弃申请')
  })

  it('a 补正 sent after the 7th working day is marked late', () => {
    const c = clock('2024-09-30', [
      { type: 'correction_requested', on: '2024-10-16', answerBy: '2024-10-31' },
    ])
    expect(c.correction?.late).toBe(true)
  })

  it('a third-party consultation spanning Spring Festival 2025 adds only its working days', () => {
    // received Mon 01-20; consultation Fri 01-24 .. Mon 02-10: 01-26 (Sun make-up), 01-27,
    // (01-28..02-04 off), 02-05, 02-06, 02-07, 02-08 (Sat make-up), 02-10 = 7 working days
    const open = clock('2025-01-20', [
      { type: 'consultation_started', on: '2025-01-24', party: 'third_party' },
    ])
    expect(open.state).toBe('in_consultation')
    expect(open.due).toBeNull()
    // 15 working days for the third party: 01-26, 01-27, 02-05..08 (6), 02-10..14 (11), 02-17..20 (15)
    expect(open.openConsultation?.replyBy).toBe('2025-02-20')
    const c = clock('2025-01-20', [
      { type: 'consultation_started', on: '2025-01-24', party: 'third_party' },
      { type: 'consultation_ended', on: '2025-02-10' },
    ])
    expect(c.consultations.map((x) => x.workingDays)).toEqual([7])
    // 27 working days after 01-20: … 02-21 (20), 02-24..28 (25), 03-03 (26), 03-04 (27)
    expect(c.due?.date).toBe('2025-03-04')
    expect(explainDisclosureClock(c, 'en')).toBe(
      'Received on 2025-01-20: 20 working days to answer (《中华人民共和国政府信息公开条例》（2019年修订）第三十三条), plus 7 working days of consultation that do not count, due 2025-03-04.',
    )
  })

  it('an approved extension adds its working days, up to the rule’s limit', () => {
    // received Fri 2024-03-01: due 03-29; +20: 04-01..03 (3), 04-07 Sun make-up (4), 04-08..12 (9),
    // 04-15..19 (14), 04-22..26 (19), 04-28 Sun make-up (20)
    expect(clock('2024-03-01').due?.date).toBe('2024-03-29')
    const c = clock('2024-03-01', [{ type: 'extended', on: '2024-03-25', workingDays: 20 }])
    expect(c.due?.date).toBe('2024-04-28')
    expect(explainDisclosureClock(c, 'zh')).toContain('经批准延长20个工作日，答复期限为2024-04-28')
    expect(() =>
      clock('2024-03-01', [{ type: 'extended', on: '2024-03-25', workingDays: 21 }]),
    ).toThrow(DisclosureClockError)
    expect(() =>
      clock('2024-03-01', [
        { type: 'extended', on: '2024-03-25', workingDays: 10 },
        { type: 'extended', on: '2024-04-10', workingDays: 11 },
      ]),
    ).toThrow(/at most 20/)
  })

  it('refuses an extension, a 补正 notice or a consultation dated after the due date', () => {
    // received Fri 2024-03-01: due 2024-03-29
    const running = clock('2024-03-01')
    expect(lateStepRefusal(running, 'extended', '2024-03-29')).toBeNull()
    expect(lateStepRefusal(running, 'extended', '2024-04-01')).toBe(
      'the answer period ended on 2024-03-29: an extension (第三十三条) is recorded within it, not after',
    )
    expect(lateStepRefusal(running, 'correction_requested', '2024-04-01')).toContain('补正 notice')
    expect(lateStepRefusal(running, 'consultation_started', '2024-04-01')).toContain('consultation')
    // the decision and the steps that close a pause are not bound to the period
    expect(lateStepRefusal(running, 'decided', '2024-04-01')).toBeNull()
    // after an extension the period ends later: a second extension within it is allowed
    const extended = clock('2024-03-01', [{ type: 'extended', on: '2024-03-25', workingDays: 10 }])
    expect(lateStepRefusal(extended, 'extended', '2024-04-10')).toBeNull()
    // a paused clock has no due date to be late against
    const paused = clock('2024-03-01', [
      { type: 'consultation_started', on: '2024-03-20', party: 'third_party' },
    ])
    expect(lateStepRefusal(paused, 'extended', '2024-05-01')).toBeNull()
  })

  it('switches from 15 to 20 working days for receipts from 2019-05-15', () => {
    const before = clock('2019-05-14')
    expect(before.rule.amount).toBe(15)
    expect(before.rule.source).toContain('2007年')
    // 05-15..17 (3), 05-20..24 (8), 05-27..31 (13), 06-03, 06-04 (15)
    expect(before.due?.date).toBe('2019-06-04')
    const after = clock('2019-05-15')
    expect(after.rule.amount).toBe(20)
    // 05-16, 17 (2), 05-20..24 (7), 05-27..31 (12), 06-03..06 (16), 06-07 端午节 off, 06-10..13 (20)
    expect(after.due?.date).toBe('2019-06-13')
    expect(() =>
      clock('2019-05-14', [{ type: 'extended', on: '2019-05-20', workingDays: 16 }]),
    ).toThrow(/at most 15/)
  })

  it('records whether the decision came in time', () => {
    expect(clock('2024-09-30', [{ type: 'decided', on: '2024-11-01' }]).inTime).toBe(true)
    const late = clock('2024-09-30', [{ type: 'decided', on: '2024-11-04' }])
    expect(late.inTime).toBe(false)
    expect(explainDisclosureClock(late, 'zh')).toContain('已于2024-11-04答复（超期）')
  })

  it('refuses sequences the 条例 does not allow', () => {
    const twice: DisclosureClockEvent[] = [
      { type: 'correction_requested', on: '2024-10-08', answerBy: '2024-10-20' },
      { type: 'correction_received', on: '2024-10-09' },
      { type: 'correction_requested', on: '2024-10-10', answerBy: '2024-10-20' },
    ]
    expect(() => clock('2024-09-30', twice)).toThrow(/once/)
    expect(() => clock('2024-09-30', [{ type: 'consultation_ended', on: '2024-10-08' }])).toThrow(
      /no consultation/,
    )
    expect(() => clock('2024-09-30', [{ type: 'decided', on: '2024-09-29' }])).toThrow(/before/)
    expect(() =>
      clock('2024-09-30', [
        { type: 'decided', on: '2024-10-08' },
        { type: 'extended', on: '2024-10-09', workingDays: 5 },
      ]),
    ).toThrow(/already decided/)
  })
})
