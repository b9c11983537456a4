/**
 * `/api/calendar`: the working-day calendar. Staff read it (the SPA colours due dates with it);
 * an admin corrects a day, removes a listing or loads a holiday-cn style year. Each change
 * recomputes the open due dates in the same transaction and answers `{ …, recompute: { checked, moved } }`.
 */
import { calendarEntrySchema, supportedDateSchema, textSchema } from '@desk/domain'
import { Hono } from 'hono'
import { z } from 'zod'
import { requireStaff } from '../../lib/auth.ts'
import { ctxOf, type AppEnv } from '../../lib/context.ts'
import { validate } from '../../lib/validate.ts'
import {
  importCalendarYear,
  listCalendarDays,
  listCalendarYears,
  removeCalendarDay,
  setCalendarDay,
  type RecomputeDeadlines,
} from './calendar.service.ts'

const dateParam = z.object({ date: supportedDateSchema })
const yearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) })
const dayBody = calendarEntrySchema.omit({ date: true })
const importQuery = z.object({ source: textSchema().trim().min(1).max(200).optional() })

/** The routes, with the recompute of open due dates every change runs in its transaction. */
export const calendarRoutes = (recompute: RecomputeDeadlines) =>
  new Hono<AppEnv>()
    .get('/years', requireStaff(), async (c) =>
      c.json({ items: await listCalendarYears(c.var.db) }, 200),
    )
    .get('/days', requireStaff(), validate('query', yearQuery), async (c) =>
      c.json(await listCalendarDays(c.var.db, c.req.valid('query').year), 200),
    )
    .put(
      '/days/:date',
      requireStaff('admin'),
      validate('param', dateParam),
      validate('json', dayBody),
      async (c) => {
        return c.json(
          await setCalendarDay(
            { ...ctxOf(c), recompute },
            { date: c.req.valid('param').date, ...c.req.valid('json') },
          ),
          200,
        )
      },
    )
    .delete('/days/:date', requireStaff('admin'), validate('param', dateParam), async (c) => {
      return c.json(
        await removeCalendarDay({ ...ctxOf(c), recompute }, c.req.valid('param').date),
        200,
      )
    })
    // the file is checked by importCalendarYear; validate('json') refuses what no text may hold
    // (a lone surrogate, a control character) in any of its fields first, as for every JSON body
    .post(
      '/years',
      requireStaff('admin'),
      validate('query', importQuery),
      validate('json', z.unknown()),
      async (c) => {
        const json: unknown = c.req.valid('json')
        const source = c.req.valid('query').source ?? 'admin upload'
        return c.json(await importCalendarYear({ ...ctxOf(c), recompute }, json, source), 201)
      },
    )
