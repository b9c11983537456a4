import { describe, expect, it } from 'vitest'
import { withTransaction } from '../../db/transaction.ts'
import { setupDesk, T0 } from '../../test/setup.ts'
import { ensureDeadlineSetup } from '../deadlines/deadlines.service.ts'
import * as repo from './calendar.repo.ts'
import { loadCalendar } from './calendar.service.ts'

describe('loadCalendar', () => {
  it('keeps the calendar it built while the tables are unchanged, and sees any change at once', async () => {
    const { db } = await setupDesk()
    await ensureDeadlineSetup(db, T0)
    const first = await loadCalendar(db)
    expect(first.describeDay('2025-10-01')).toMatchObject({ kind: 'holiday', name: '国庆节' })
    expect(first.describeDay('2025-09-28')).toMatchObject({ kind: 'makeup_workday' })
    expect(first.years).toContain(2025)
    expect(await loadCalendar(db)).toBe(first)

    // written straight to the tables, as another process or the CLI would: a day off with a name
    // that JSON must quote, and a make-up workday taken back
    await repo.upsertDays(db, [{ date: '2025-07-01', isOffDay: true, name: '建党节 "测试", 1' }], {
      source: 'admin',
      by: null,
      at: T0,
    })
    expect(await repo.deleteDay(db, '2025-09-28')).toBe(true)
    const changed = await loadCalendar(db)
    expect(changed).not.toBe(first)
    expect(changed.describeDay('2025-07-01')).toEqual({
      date: '2025-07-01',
      isWorkingDay: false,
      kind: 'holiday',
      name: '建党节 "测试", 1',
      isCovered: true,
    })
    expect(changed.describeDay('2025-09-28')).toMatchObject({
      kind: 'weekend',
      isWorkingDay: false,
    })

    // a transaction sees its own uncommitted year; after the rollback the kept calendar is back
    await expect(
      withTransaction(db, async (tx) => {
        await repo.upsertYear(tx, { year: 2031, source: 'admin', loadedAt: T0, loadedBy: null })
        expect((await loadCalendar(tx)).years).toContain(2031)
        throw new Error('roll back')
      }),
    ).rejects.toThrow('roll back')
    const after = await loadCalendar(db)
    expect(after.years).not.toContain(2031)
    expect(after.describeDay('2025-07-01').name).toBe('建党节 "测试", 1')
  })
})
