/**
 * Query keys of the configuration screens, general to specific: `['admin-config', area, …]`.
 * Each area's queries and mutations live in `<area>-queries.ts` beside this file. Endpoints that
 * other screens read too (departments, users, return reasons, templates, calendar) are keyed once
 * in lib/, whatever screen reads them.
 */
export const configKeys = {
  all: () => ['admin-config'] as const,
  area: (area: 'channel-settings' | 'outbox' | 'policies') => [...configKeys.all(), area] as const,
}
