import { describe, expect, it } from 'vitest'
import { REVIEW_RESULTS } from './annual-table.ts'
import { canConcludeReviewCase, reviewCaseDayProblems } from './review-cases.ts'

describe('a review case’s result', () => {
  it('moves once, from 尚未审结 to a result, and never back or sideways', () => {
    const allowed = REVIEW_RESULTS.flatMap((from) =>
      REVIEW_RESULTS.filter((to) => canConcludeReviewCase(from, to)).map((to) => `${from}>${to}`),
    )
    expect(allowed).toEqual(['pending>upheld', 'pending>corrected', 'pending>other'])
  })
})

describe('a review case’s days', () => {
  const today = '2025-02-10'
  it.each([
    [{ filedOn: '2024-12-18', result: 'pending' as const }, []],
    [{ filedOn: '2024-12-18', result: 'upheld' as const, concludedOn: '2025-02-07' }, []],
    [{ filedOn: '2025-02-11', result: 'pending' as const }, ['filedOn: in the future']],
    [
      { filedOn: '2024-12-18', result: 'upheld' as const, concludedOn: '2024-12-17' },
      ['concludedOn: before the filing (2024-12-18)'],
    ],
    [
      { filedOn: '2024-12-18', result: 'other' as const, concludedOn: '2025-02-11' },
      ['concludedOn: in the future'],
    ],
    [
      { filedOn: '2024-12-18', result: 'corrected' as const },
      ['concludedOn: a concluded case has a result and a date; a pending one has neither'],
    ],
    [
      { filedOn: '2024-12-18', result: 'pending' as const, concludedOn: '2025-01-02' },
      ['concludedOn: a concluded case has a result and a date; a pending one has neither'],
    ],
  ])('%o → %o', (c, expected) => {
    expect(reviewCaseDayProblems(c, today).map((p) => `${p.path.join('.')}: ${p.message}`)).toEqual(
      expected,
    )
  })

  it("refuses a filing before the request's receipt, and takes one on the receipt day", () => {
    const c = { filedOn: '2024-09-01', result: 'pending' as const }
    expect(reviewCaseDayProblems(c, today, '2024-09-02')).toEqual([
      { path: ['filedOn'], message: "before the request's receipt (2024-09-02)" },
    ])
    expect(reviewCaseDayProblems(c, today, '2024-09-01')).toEqual([])
  })
})
