/**
 * Departments (职能处室: list, add, rename, (de)activate) and the staff assignment to them
 * (`PATCH /api/users/:id` `{ department?, role?, isActive? }`). Admin only in the API.
 */
import type { DepartmentInput } from '@desk/domain'
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import type { InferRequestType, InferResponseType } from 'hono/client'
import { api, unwrap } from '../../../lib/api-client.ts'
import { departmentQueries } from '../../../lib/departments.ts'
import { configKeys } from './config-keys.ts'

export type Department = InferResponseType<typeof api.departments.$get, 200>['departments'][number]
export type StaffMember = InferResponseType<typeof api.users.$get, 200>['users'][number]
export type StaffPatch = InferRequestType<(typeof api.users)[':id']['$patch']>['json']

/** The department list itself is the shared one (lib/departments.ts); this adds the staff list. */
export const staffQueries = {
  staff: () =>
    queryOptions({
      queryKey: [...configKeys.area('users'), 'list'] as const,
      queryFn: ({ signal }) => unwrap(api.users.$get(undefined, { init: { signal } })).then((r) => r.users),
      staleTime: 60_000,
    }),
}

export function useCreateDepartment() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: DepartmentInput) => unwrap(api.departments.$post({ json: input })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: departmentQueries.list().queryKey }),
  })
}

export function useUpdateDepartment() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, patch }: { id: number; patch: Partial<DepartmentInput> }) =>
      unwrap(api.departments[':id'].$patch({ param: { id: String(id) }, json: patch })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: departmentQueries.list().queryKey }),
  })
}

/** Puts a user in a department (null: none), changes the role or (de)activates the account. */
export function useUpdateStaff() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, patch }: { id: number; patch: StaffPatch }) =>
      unwrap(api.users[':id'].$patch({ param: { id: String(id) }, json: patch })),
    // the users page of the admin feature lists the same users under ['users']
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: configKeys.area('users') }),
        queryClient.invalidateQueries({ queryKey: ['users'] }),
      ]),
  })
}
