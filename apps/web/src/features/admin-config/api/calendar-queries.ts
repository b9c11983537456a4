/**
 * The working-day calendar (admin): loaded years (source, loaded-at ms), the listed days of a year
 * (holidays and make-up workdays), and changes. Each change answers `recompute: { checked, moved }`
 * (how many open due dates were checked and which moved); the caller shows it.
 * A year upload sends the holiday-cn JSON as is; a malformed file answers 422 whose details are
 * `[{ path, message }]` naming each bad entry (nothing written).
 */
import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { InferResponseType } from 'hono/client'
import { api, unwrap } from '../../../lib/api-client.ts'
import { calendarQueries } from '../../../lib/calendar.ts'
import { inquiryRootKeys, queueRootKeys } from '../../../lib/query-keys.ts'

export type CalendarYear = InferResponseType<typeof api.calendar.years.$get, 200>['items'][number]
export type CalendarDay = InferResponseType<typeof api.calendar.days.$get, 200>['days'][number]
export type Recompute = InferResponseType<
  (typeof api.calendar.days)[':date']['$put'],
  200
>['recompute']

/**
 * After a calendar change: every calendar read (these screens and the due tags count with the
 * same keys), every queue list and the inquiry pages (due dates may have moved).
 */
function useCalendarChanged() {
  const queryClient = useQueryClient()
  return () =>
    Promise.all(
      [calendarQueries.all(), queueRootKeys.all(), inquiryRootKeys.all()].map((queryKey) =>
        queryClient.invalidateQueries({ queryKey }),
      ),
    )
}

/** Adds or corrects a date: `isOffDay` true = holiday (day off), false = make-up workday (调休上班). */
export function useSetCalendarDay() {
  const changed = useCalendarChanged()
  return useMutation({
    mutationFn: ({ date, isOffDay, name }: { date: string; isOffDay: boolean; name?: string }) =>
      unwrap(
        api.calendar.days[':date'].$put({
          param: { date },
          json: name ? { isOffDay, name } : { isOffDay },
        }),
      ),
    onSuccess: changed,
  })
}

/** Removes a listed date: it follows the Monday–Friday rule again. */
export function useRemoveCalendarDay() {
  const changed = useCalendarChanged()
  return useMutation({
    mutationFn: (date: string) => unwrap(api.calendar.days[':date'].$delete({ param: { date } })),
    onSuccess: changed,
  })
}

/** Loads a holiday-cn style year file (its parsed JSON) with `source` naming the file. */
export function useImportCalendarYear() {
  const changed = useCalendarChanged()
  return useMutation({
    mutationFn: ({ json, source }: { json: unknown; source: string }) =>
      unwrap(api.calendar.years.$post({ query: { source }, json })),
    // the upload panel lists the 422 details itself
    meta: { silent: true },
    onSuccess: changed,
  })
}
