/** The channel list (`GET /api/channels`), shared by the queue tabs, the inquiry page and admin. */
import { queryOptions } from '@tanstack/react-query'
import { api, unwrap } from './api-client.ts'
import { channelRootKeys } from './query-keys.ts'

export const channelQueries = {
  list: () =>
    queryOptions({
      queryKey: [...channelRootKeys.all(), 'list'] as const,
      queryFn: ({ signal }) =>
        unwrap(api.channels.$get(undefined, { init: { signal } })).then((r) => r.channels),
      staleTime: 5 * 60_000,
    }),
}

export type Channel = Awaited<
  ReturnType<NonNullable<ReturnType<typeof channelQueries.list>['queryFn']>>
>[number]

/** The channel's name in the UI language (Chinese unless the language is English). */
export function channelName(channel: Pick<Channel, 'nameZh' | 'nameEn'>, language: string): string {
  return language.startsWith('en') ? channel.nameEn : channel.nameZh
}
