/**
 * Departments (职能处室: list, add, rename, (de)activate) and the staff assignment to them
 * (`PATCH /api/users/:id` `{ department?, role?, isActive? }`). Admin only in the API. The lists are
 * the shared ones (lib/departments.ts, lib/users.ts): a change invalidates every screen showing them.
 */
import type { DepartmentInput } from '@desk/domain'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { InferRequestType, InferResponseType } from 'hono/client'
import { api, unwrap } from '../../../lib/api-client.ts'
import { departmentQueries } from '../../../lib/departments.ts'
import { userQueries } from '../../../lib/users.ts'

export type Department = InferResponseType<typeof api.departments.$get, 200>['departments'][number]
export type StaffPatch = InferRequestType<(typeof api.users)[':id']['$patch']>['json']

export function useCreateDepartment() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: DepartmentInput) => unwrap(api.departments.$post({ json: input })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: departmentQueries.all() }),
  })
}

export function useUpdateDepartment() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, patch }: { id: number; patch: Partial<DepartmentInput> }) =>
      unwrap(api.departments[':id'].$patch({ param: { id: String(id) }, json: patch })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: departmentQueries.all() }),
  })
}

/** Puts a user in a department (null: none), changes the role or (de)activates the account. */
export function useUpdateStaff() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, patch }: { id: number; patch: StaffPatch }) =>
      unwrap(api.users[':id'].$patch({ param: { id: String(id) }, json: patch })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userQueries.all() }),
  })
}
