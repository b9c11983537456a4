/**
 * Query keys of the configuration screens, general to specific: `['admin-config', area, …]`.
 * Each area's queries and mutations live in `<area>-queries.ts` beside this file.
 */
export const configKeys = {
  all: () => ['admin-config'] as const,
  area: (area: 'departments' | 'users' | 'return-reasons' | 'templates' | 'channel-settings' | 'outbox' | 'calendar' | 'policies') =>
    [...configKeys.all(), area] as const,
}
