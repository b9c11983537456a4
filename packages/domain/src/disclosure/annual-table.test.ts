// The national table over random registers: its own consistency rules (fast-check), and each cell
// against an independent count written from the table's definitions, cell by cell.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { zonedTimeToInstant } from '../time.ts'
import {
  REVIEW_COLUMNS,
  REVIEW_KINDS,
  TABLE_COLUMNS,
  TABLE_ROWS,
  computeSectionFour,
  computeSectionThree,
  headingAbove,
  tableRowLabel,
  type DisclosureRecord,
  type ReviewCase,
} from './annual-table.ts'
import { APPLICANT_TYPES } from './applicants.ts'
import { OUTCOME_CODES, OUTCOMES } from './outcomes.ts'
import { formatIntakeSentence, formatReviewSentence } from './report-sentences.ts'

const DAY = 86_400_000
const T0 = Date.UTC(2022, 0, 1) - 8 * 3_600_000 // 2022-01-01 00:00 Asia/Shanghai
const SPAN = 3 * 366 * DAY

const recordArb = (id: number) =>
  fc
    .record({
      applicantType: fc.constantFrom(...APPLICANT_TYPES),
      received: fc.integer({ min: 0, max: SPAN }),
      decidedAfter: fc.option(fc.integer({ min: 0, max: 200 * DAY }), { nil: null }),
      outcome: fc.constantFrom(...OUTCOME_CODES),
    })
    .map((r): DisclosureRecord => ({
      id,
      applicantType: r.applicantType,
      receivedAt: T0 + r.received,
      decidedAt: r.decidedAfter === null ? null : T0 + r.received + r.decidedAfter,
      outcome: r.decidedAfter === null ? null : r.outcome,
    }))
const registerArb = fc
  .integer({ min: 0, max: 60 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => recordArb(i + 1))))
const yearArb = fc.constantFrom(2022, 2023, 2024)

describe('section 三 over random registers', () => {
  it('per column 一 + 二 = （七）总计 + 四, （七） = the sum of its leaves; per row the six applicant columns sum to 总计', () => {
    fc.assert(
      fc.property(registerArb, yearArb, (records, year) => {
        const { cells } = computeSectionThree(records, year)
        for (const col of TABLE_COLUMNS) {
          const c = (row: (typeof TABLE_ROWS)[number]) => cells[row][col].count
          expect(c('new') + c('carried_in')).toBe(c('decided_total') + c('carried_out'))
          expect(OUTCOME_CODES.reduce((s, code) => s + c(code), 0)).toBe(c('decided_total'))
        }
        for (const row of TABLE_ROWS) {
          expect(APPLICANT_TYPES.reduce((s, a) => s + cells[row][a].count, 0)).toBe(
            cells[row].total.count,
          )
          for (const col of TABLE_COLUMNS)
            expect(cells[row][col].ids.length).toBe(cells[row][col].count)
        }
      }),
    )
  })

  it('equals an independent count of the register, cell by cell', () => {
    const shanghaiYear = (t: number) => new Date(t + 8 * 3_600_000).getUTCFullYear()
    fc.assert(
      fc.property(registerArb, yearArb, (records, year) => {
        const { cells } = computeSectionThree(records, year)
        for (const col of TABLE_COLUMNS) {
          const inCol = records.filter((r) => col === 'total' || r.applicantType === col)
          const ids = (pred: (r: DisclosureRecord) => boolean) =>
            inCol.filter(pred).map((r) => r.id)
          const decidedIn = (r: DisclosureRecord) =>
            r.decidedAt !== null && shanghaiYear(r.decidedAt) === year
          const openAtEndOf = (y: number) => (r: DisclosureRecord) =>
            shanghaiYear(r.receivedAt) <= y &&
            (r.decidedAt === null || shanghaiYear(r.decidedAt) > y)
          expect(cells.new[col].ids).toEqual(ids((r) => shanghaiYear(r.receivedAt) === year))
          expect(cells.carried_in[col].ids).toEqual(ids(openAtEndOf(year - 1)))
          expect(cells.carried_out[col].ids).toEqual(ids(openAtEndOf(year)))
          expect(cells.decided_total[col].ids).toEqual(ids(decidedIn))
          for (const code of OUTCOME_CODES)
            expect(cells[code][col].ids).toEqual(ids((r) => decidedIn(r) && r.outcome === code))
        }
      }),
    )
  })

  it('counts a request by its Asia/Shanghai dates: received 2023-12-31 23:30 is this year, decided 2024-01-01 00:10 is next year', () => {
    const r: DisclosureRecord = {
      id: 7,
      applicantType: 'legal_service',
      receivedAt: zonedTimeToInstant('2023-12-31', undefined, 23, 30),
      decidedAt: zonedTimeToInstant('2024-01-01', undefined, 0, 10),
      outcome: 'unable.not_held',
    }
    const y23 = computeSectionThree([r], 2023).cells
    expect([
      y23.new.legal_service.count,
      y23.carried_out.legal_service.count,
      y23.decided_total.total.count,
    ]).toEqual([1, 1, 0])
    const y24 = computeSectionThree([r], 2024).cells
    expect([
      y24.carried_in.total.count,
      y24['unable.not_held'].legal_service.ids,
      y24.carried_out.total.count,
    ]).toEqual([1, [7], 0])
  })

  it('refuses a request decided before it was received', () => {
    const r: DisclosureRecord = {
      id: 1,
      applicantType: 'natural_person',
      receivedAt: T0 + DAY,
      decidedAt: T0,
      outcome: 'grant',
    }
    expect(() => computeSectionThree([r], 2022)).toThrow(/before its receipt/)
  })

  it('labels the leaves with their group and number as printed', () => {
    expect(tableRowLabel('withhold.three_securities_one_stability', 'zh')).toBe(
      '（三）不予公开 3.危及“三安全一稳定”',
    )
    expect(tableRowLabel('other.no_correction', 'zh')).toBe(
      '（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    )
    expect(tableRowLabel('grant', 'zh')).toBe('（一）予以公开')
  })

  it('prints 三、本年度办理结果 above （一） only, as the national format does', () => {
    expect(TABLE_ROWS.map((r) => headingAbove(r)?.zh ?? null).filter((h) => h !== null)).toEqual([
      '三、本年度办理结果',
    ])
    expect(headingAbove('grant')).toEqual({ zh: '三、本年度办理结果', en: '3. Results this year' })
    expect(headingAbove('carried_in')).toBeNull()
  })

  it('labels them in English with the group number and a space after the reason number', () => {
    expect(tableRowLabel('withhold.state_secret', 'en')).toBe('(3) Not disclosed 1. State secret')
    expect(tableRowLabel('grant', 'en')).toBe('(1) Disclosed')
    expect(tableRowLabel('other.other', 'en')).toMatch(/^\(6\) Other handling 3\. \S/)
    // every English leaf: "(g) Group n. Text", never "n.Text"
    for (const o of OUTCOMES)
      expect(tableRowLabel(o.code, 'en')).toMatch(
        o.n === 0 ? /^\([12]\) [A-Z]/ : /^\([3-6]\) [A-Z][a-z ]+ \d\. [A-Z]/,
      )
    expect(
      OUTCOMES.filter((o) => o.verified)
        .map((o) => o.code)
        .at(-1),
    ).toBe('withhold.enforcement_file')
    expect(OUTCOMES).toHaveLength(21)
  })
})

describe('section 四 and the sentences', () => {
  const at = (d: string) => zonedTimeToInstant(d)
  const cases: ReviewCase[] = [
    {
      id: 1,
      requestId: 1,
      kind: 'review',
      filedAt: at('2017-03-01'),
      result: 'upheld',
      concludedAt: at('2017-05-01'),
    },
    {
      id: 2,
      requestId: 2,
      kind: 'lawsuit_direct',
      filedAt: at('2017-11-01'),
      result: 'corrected',
      concludedAt: at('2018-02-01'),
    },
    {
      id: 3,
      requestId: 3,
      kind: 'lawsuit_after_review',
      filedAt: at('2018-01-05'),
      result: 'pending',
      concludedAt: null,
    },
  ]
  it('counts a case in its filing year with its result as known at that year end', () => {
    const g = computeSectionFour(cases, 2017).cells
    expect(g.review.upheld.ids).toEqual([1])
    expect(g.lawsuit_direct.pending.ids).toEqual([2])
    expect(g.lawsuit_direct.corrected.count).toBe(0)
    expect(REVIEW_KINDS.map((k) => g[k].total.count)).toEqual([1, 1, 0])
    for (const k of REVIEW_KINDS)
      expect(REVIEW_COLUMNS.slice(0, 4).reduce((s, c) => s + g[k][c].count, 0)).toBe(
        g[k].total.count,
      )
  })
  it('says how many requests were received and whether all were concluded, and how many cases there were', () => {
    const recs: DisclosureRecord[] = Array.from({ length: 760 }, (_, i) => ({
      id: i + 1,
      applicantType: 'natural_person',
      receivedAt: at('2017-03-01'),
      decidedAt: at('2017-03-10'),
      outcome: 'grant',
    }))
    expect(formatIntakeSentence(computeSectionThree(recs, 2017))).toBe(
      '全年共受理依申请公开760件，均全部办结。',
    )
    const open = recs.map((r) => (r.id === 1 ? { ...r, decidedAt: null, outcome: null } : r))
    expect(formatIntakeSentence(computeSectionThree(open, 2017))).toBe(
      '全年共受理依申请公开760件，办结759件，结转下年度1件。',
    )
    expect(formatReviewSentence(computeSectionFour(cases.slice(0, 1), 2017))).toBe(
      '发生针对本部门有关政府信息公开事务的行政复议案件1件。',
    )
    expect(formatReviewSentence(computeSectionFour(cases, 2017))).toBe(
      '发生针对本部门有关政府信息公开事务的行政复议案件1件、行政诉讼案件1件。',
    )
    expect(formatReviewSentence(computeSectionFour([], 2017))).toBe(
      '未发生针对本部门有关政府信息公开事务的行政复议和行政诉讼案件。',
    )
  })
})
