/**
 * How the desk compares external ids (the number a channel's platform gave an inquiry, a 12345
 * work order's 工单编号, the public form's tracking number): without ASCII case, so `MX-T7-1` and
 * `mx-t7-1` on one channel are one inquiry. The platforms' work-order numbers are letters and
 * digits that staff read out and type back in whatever case (a citizen on the phone, a search
 * box), and the 12345 platform itself finds a number in any case; only A–Z fold, so Chinese and
 * other scripts compare exactly. The id is stored as the platform wrote it and shown so.
 *
 * The stores compare the same way: `lower(external_id)` on SQLite (whose lower() folds ASCII
 * only) and `lower(external_id collate "C")` on PostgreSQL (the C collation folds ASCII only),
 * in the unique (channel, external id) index.
 * @returns `id` with A–Z turned into a–z, everything else as it was
 */
export function externalIdKey(id: string): string {
  return id.replace(/[A-Z]+/g, (s) => s.toLowerCase())
}
