/**
 * Where the real test data lives (../shared/data: Teddy Cup 2020 问政 exports, NYC 311 extracts …).
 * Read through DESK_SHARED_DATA, else `<repo>/../shared/data`. Where it is absent, real-data
 * tests skip with a printed notice, but under CI=true absence fails: CI must test on real data.
 */
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { REPO_ROOT } from '../paths.ts'

/** The shared data folder as configured (it may not exist). */
export const SHARED_DATA_DIR = process.env.DESK_SHARED_DATA ?? resolve(REPO_ROOT, '../shared/data')

/**
 * The absolute path of `sub` (e.g. `nyc-311`) inside the shared data folder, or undefined (after
 * printing a notice) when it is missing, so the caller can `describe.runIf(dir)`.
 * @throws Error when it is missing and CI=true
 */
export function sharedDataDir(sub: string): string | undefined {
  const dir = resolve(SHARED_DATA_DIR, sub)
  if (existsSync(dir)) return dir
  const notice = `real-data tests need ${dir} (set DESK_SHARED_DATA to the shared data folder)`
  if (process.env.CI === 'true') throw new Error(`${notice}: missing under CI`)
  console.warn(`SKIPPED: ${notice}`)
  return undefined
}
