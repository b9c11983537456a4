/**
 * Who sees an inquiry (the house rule; apps/api db/inquiry-filter.ts `viewerScope` says it in SQL
 * for the queue, its counts and every route of one inquiry): managers and admins see every
 * inquiry; a responder sees the intake pool (the inquiries not dispatched to a department), the
 * inquiries of their own department, and those they hold. Of the pool, a responder of a department
 * sees only what nobody holds; intake staff of no department share the whole pool, held or not,
 * as a department's staff share its inquiries.
 *
 * Taking an inquiry out of the pool (a claim, a manager's assignment) dispatches it to its
 * holder's department as well, so it is then like any inquiry dispatched there: the holder's
 * colleagues see it and can stand in, other departments do not see it, and releasing it leaves it
 * in that department's unassigned queue. Held by intake staff of no department, it stays in the
 * pool, seen by the intake staff only. An inquiry dispatched already keeps its department when
 * someone takes it.
 */

/**
 * The department an inquiry has once someone takes it: its own, else its new holder's (null when
 * neither has one). Ids are department ids.
 */
export function departmentOnTaking(
  inquiryDepartmentId: number | null,
  holderDepartmentId: number | null,
): number | null {
  return inquiryDepartmentId ?? holderDepartmentId
}
