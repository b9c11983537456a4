/**
 * The import wizard's API calls (`/api/imports`): stage an upload, preview it, save a mapping
 * preset, start a dry run or an import, poll a job until it ends, list imports, undo one.
 */
import type { DateOrder } from '@desk/domain'
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { api, BACKGROUND_HEADERS, unwrap } from '../../../lib/api-client.ts'
import { queueRootKeys } from '../../../lib/query-keys.ts'

export type ReadOptions = {
  sheet?: string | undefined
  /** the header's row number in the file; unset: the API finds it among the first rows */
  headerRow?: number | undefined
  preset?: string | null | undefined
  map?: string[] | undefined
}
export type StartJobInput = ReadOptions & {
  kind: 'import' | 'dry_run'
  uploadId: string
  channel: string
  tz?: string | undefined
  /** how year-last slash dates (12/01/2026) are read; unset: as the file's other dates show */
  dateOrder?: DateOrder | undefined
  skipInvalid?: boolean | undefined
}

const isRunning = (status: string | undefined) => status === 'queued' || status === 'running'

export const importQueries = {
  all: () => ['imports'] as const,
  list: () =>
    queryOptions({
      queryKey: [...importQueries.all(), 'list'] as const,
      queryFn: ({ signal }) =>
        unwrap(api.imports.$get(undefined, { init: { signal } })).then((r) => r.items),
    }),
  /** One job, polled every 500 ms while it is queued or running. */
  job: (id: number) =>
    queryOptions({
      queryKey: [...importQueries.all(), 'job', id] as const,
      queryFn: ({ signal }) =>
        unwrap(
          api.imports[':id'].$get(
            { param: { id: String(id) } },
            // progress polls are no activity of the user's (BACKGROUND_HEADERS)
            { init: { signal }, headers: BACKGROUND_HEADERS },
          ),
        ).then((r) => r.job),
      refetchInterval: (query) => (isRunning(query.state.data?.status) ? 500 : false),
    }),
}

export type ImportJob = Awaited<
  ReturnType<NonNullable<ReturnType<typeof importQueries.job>['queryFn']>>
>
export type ImportListItem = Awaited<
  ReturnType<NonNullable<ReturnType<typeof importQueries.list>['queryFn']>>
>[number]

/** The URL of a job's invalid rows as CSV (UTF-8 with BOM). */
export const errorsCsvUrl = (id: number) =>
  api.imports[':id']['errors.csv'].$url({ param: { id: String(id) } }).toString()

/** Streams the file as the request body (no multipart copy); the form shows its own errors. */
export function useUploadFile() {
  return useMutation({
    mutationFn: (file: File) =>
      unwrap(
        api.imports.uploads.$post({ query: { name: file.name } }, { init: { body: file } }),
      ).then((r) => r.upload),
    meta: { silent: true },
  })
}

export function usePreviewUpload() {
  return useMutation({
    mutationFn: ({ uploadId, ...json }: ReadOptions & { uploadId: string; channel: string }) =>
      unwrap(api.imports.uploads[':id'].preview.$post({ param: { id: uploadId }, json })),
    meta: { silent: true },
  })
}

export function useSavePreset() {
  return useMutation({
    mutationFn: (json: {
      channel: string
      name: string
      headers: string[]
      columns: Record<string, string>
    }) => unwrap(api.imports.presets.$post({ json: json as never })).then((r) => r.preset),
    meta: { silent: true },
  })
}

export function useStartJob() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (json: StartJobInput) => unwrap(api.imports.$post({ json })).then((r) => r.job),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: importQueries.all() }),
    meta: { silent: true },
  })
}

export function useUndoImport() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: number) =>
      unwrap(api.imports[':id'].undo.$post({ param: { id: String(id) } })).then((r) => r.job),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: importQueries.all() })
      await queryClient.invalidateQueries({ queryKey: queueRootKeys.all() })
    },
    meta: { silent: true },
  })
}

/** Refreshes the queue once an import has written inquiries. */
export function useRefreshQueue() {
  const queryClient = useQueryClient()
  return () => queryClient.invalidateQueries({ queryKey: queueRootKeys.all() })
}
