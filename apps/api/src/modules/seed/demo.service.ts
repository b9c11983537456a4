/** Demo data for a new desk. Placeholder signature; the generator lands with the seed module. */
import type { UserRole } from '@desk/domain'
import type { Db } from '../../db/client.ts'

export type DemoLogin = { username: string; password: string; role: UserRole }

export async function seedDemo(_db: Db, _now: number): Promise<DemoLogin[]> {
  return []
}
