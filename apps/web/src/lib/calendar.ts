/**
 * The working-day calendar on the client (`GET /api/calendar/days?year=` per year, built with the
 * domain's `buildCalendar`), so the queue and the inquiry page show "due in N working days" by
 * the same rules the API counts with. Years the API has not loaded follow Monday–Friday.
 */
import { buildCalendar, toZonedDate, type CalendarEntry, type HolidayCalendar } from '@desk/domain'
import { queryOptions, useQueries } from '@tanstack/react-query'
import { api, unwrap } from './api-client.ts'

/**
 * One key per calendar endpoint, shared by the due tags and the admin's calendar screens, so an
 * admin's change (which invalidates `all()`) reaches both.
 */
export const calendarQueries = {
  all: () => ['calendar'] as const,
  /** `GET /api/calendar/days?year=`: the listed days of a year and whether its notice is loaded. */
  year: (year: number) =>
    queryOptions({
      queryKey: [...calendarQueries.all(), 'days', year] as const,
      queryFn: ({ signal }) =>
        unwrap(api.calendar.days.$get({ query: { year: String(year) } }, { init: { signal } })),
      staleTime: 10 * 60_000,
    }),
  /** `GET /api/calendar/years`: the loaded years with their source. */
  years: () =>
    queryOptions({
      queryKey: [...calendarQueries.all(), 'years'] as const,
      queryFn: ({ signal }) =>
        unwrap(api.calendar.years.$get(undefined, { init: { signal } })).then((r) => r.items),
      staleTime: 60_000,
    }),
}

/** The current year in Asia/Shanghai and its neighbours: the span queue due dates fall in. */
export function yearsAround(now: number): number[] {
  const year = Number(toZonedDate(now).slice(0, 4))
  return [year - 1, year, year + 1]
}

/**
 * The calendar of `years` once every year has loaded; undefined before (callers show no due
 * state rather than a Monday–Friday guess).
 */
export function useWorkingCalendar(years: readonly number[]): HolidayCalendar | undefined {
  return useQueries({
    queries: years.map((y) => calendarQueries.year(y)),
    combine: (results) => {
      if (results.some((r) => !r.data)) return undefined
      const entries: CalendarEntry[] = []
      const loaded: number[] = []
      for (const r of results) {
        if (!r.data) continue
        if (r.data.isLoaded) loaded.push(r.data.year)
        for (const d of r.data.days)
          entries.push({ date: d.date, isOffDay: d.isOffDay, ...(d.name ? { name: d.name } : {}) })
      }
      return buildCalendar(entries, loaded)
    },
  })
}
