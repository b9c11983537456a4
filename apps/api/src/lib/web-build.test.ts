import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BUILD_STAMP_FILE, ensureWebBuild, stampOfSources } from './web-build.ts'

/** A checkout with a web source file and a served build of an older version. */
function setup() {
  const root = mkdtempSync(join(tmpdir(), 'desk-web-build-'))
  const web = join(root, 'web')
  mkdirSync(join(web, 'src'), { recursive: true })
  writeFileSync(join(web, 'src', 'main.tsx'), 'v2')
  const dist = join(web, 'dist')
  mkdirSync(dist)
  writeFileSync(join(dist, 'index.html'), 'old build')
  return { root, web, dist }
}

/** A stand-in for Vite: records what the served folder held while it ran. */
function fakeBuild(dist: string, opts: { ok?: boolean } = {}) {
  const calls: { outDir: string; servedMeanwhile: string }[] = []
  const build = (outDir: string) => {
    calls.push({ outDir, servedMeanwhile: readFileSync(join(dist, 'index.html'), 'utf8') })
    mkdirSync(outDir, { recursive: true })
    if (opts.ok !== false) writeFileSync(join(outDir, 'index.html'), 'new build')
    return Promise.resolve({ ok: opts.ok !== false, exitCode: opts.ok === false ? 2 : 0 })
  }
  return { calls, build }
}

describe('ensureWebBuild', () => {
  it('builds beside the served folder, which serves the old build until the new one replaces it', async () => {
    const { root, web, dist } = setup()
    const stamp = stampOfSources(root, [web])
    const { calls, build } = fakeBuild(dist)

    expect(await ensureWebBuild({ dist, stamp, build })).toEqual({ kind: 'built' })

    expect(calls).toHaveLength(1)
    expect(calls[0]!.outDir).not.toBe(dist)
    expect(calls[0]!.servedMeanwhile).toBe('old build')
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).toBe('new build')
    expect(readFileSync(join(dist, BUILD_STAMP_FILE), 'utf8').trim()).toBe(stamp)
    // no temporary folder is left beside it
    expect(readdirSync(web).sort()).toEqual(['dist', 'src'])
  })

  it('builds nothing when the served folder was built from the same sources', async () => {
    const { root, web, dist } = setup()
    const first = fakeBuild(dist)
    await ensureWebBuild({ dist, stamp: stampOfSources(root, [web]), build: first.build })

    const second = fakeBuild(dist)
    const outcome = await ensureWebBuild({
      dist,
      stamp: stampOfSources(root, [web]),
      build: second.build,
    })
    expect(outcome).toEqual({ kind: 'current' })
    expect(second.calls).toHaveLength(0)
  })

  it('builds again when a source file changed, and not for a build folder inside the sources', async () => {
    const { root, web, dist } = setup()
    const before = stampOfSources(root, [web])
    writeFileSync(join(dist, 'index.html'), 'rebuilt output only')
    mkdirSync(join(web, '.dist-build-1-ab'))
    writeFileSync(join(web, '.dist-build-1-ab', 'index.html'), 'half')
    expect(stampOfSources(root, [web])).toBe(before)

    writeFileSync(join(web, 'src', 'main.tsx'), 'v3')
    expect(stampOfSources(root, [web])).not.toBe(before)
  })

  it('keeps the served build and removes its own folder when the build fails', async () => {
    const { root, web, dist } = setup()
    const { build } = fakeBuild(dist, { ok: false })

    const outcome = await ensureWebBuild({ dist, stamp: stampOfSources(root, [web]), build })

    expect(outcome).toEqual({ kind: 'failed', exitCode: 2 })
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).toBe('old build')
    expect(readdirSync(web).sort()).toEqual(['dist', 'src'])
  })

  it('builds into a folder where none is served yet', async () => {
    const { root, web, dist } = setup()
    rmSync(dist, { recursive: true })
    const build = (outDir: string) => {
      mkdirSync(outDir)
      writeFileSync(join(outDir, 'index.html'), 'first build')
      return Promise.resolve({ ok: true, exitCode: 0 })
    }
    await ensureWebBuild({ dist, stamp: stampOfSources(root, [web]), build })
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).toBe('first build')
  })

  it("keeps the previous build's own assets for pages loaded before the swap, one build back", async () => {
    const { dist } = setup()
    mkdirSync(join(dist, 'assets'))
    writeFileSync(join(dist, 'assets', 'index-v1.js'), 'v1')
    const buildWith = (asset: string) => (outDir: string) => {
      mkdirSync(join(outDir, 'assets'), { recursive: true })
      writeFileSync(join(outDir, 'index.html'), asset)
      writeFileSync(join(outDir, 'assets', asset), asset)
      return Promise.resolve({ ok: true, exitCode: 0 })
    }
    const assets = () => readdirSync(join(dist, 'assets')).sort()

    await ensureWebBuild({ dist, stamp: 'v2', build: buildWith('index-v2.js') })
    expect(assets()).toEqual(['index-v1.js', 'index-v2.js'])
    expect(readFileSync(join(dist, 'assets', 'index-v1.js'), 'utf8')).toBe('v1')

    await ensureWebBuild({ dist, stamp: 'v3', build: buildWith('index-v3.js') })
    expect(assets()).toEqual(['index-v2.js', 'index-v3.js'])
  })

  it('removes a temporary folder left by a process that no longer runs', async () => {
    const { root, web, dist } = setup()
    // pid 2^22 + 1 is above Linux's pid_max, so no process has it
    const abandoned = join(web, `.dist-build-${2 ** 22 + 1}-deadbeef`)
    mkdirSync(abandoned)
    await ensureWebBuild({ dist, stamp: stampOfSources(root, [web]), build: fakeBuild(dist).build })
    expect(readdirSync(web).sort()).toEqual(['dist', 'src'])
  })
})
