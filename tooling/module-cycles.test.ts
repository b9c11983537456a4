/**
 * No import cycles between modules: `import-x/no-cycle` (eslint.config.js) catches cycles between
 * files, but two api modules (or web features) can depend on each other through different files.
 * This builds the graph of value imports between the folders of apps/api/src/modules and
 * apps/web/src/features (type-only imports are erased at run time and left out) and fails on any
 * cycle.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '..')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name)
    if (e.isDirectory()) return sourceFiles(path)
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path] : []
  })
}

/** Folder -> folders it imports values from (`import … from '../<other>/…'`, any depth). */
function folderGraph(base: string): Map<string, Set<string>> {
  const dir = resolve(root, base)
  const graph = new Map<string, Set<string>>()
  for (const folder of readdirSync(dir)) {
    const deps = new Set<string>()
    for (const file of sourceFiles(join(dir, folder))) {
      for (const m of readFileSync(file, 'utf8').matchAll(
        /^import (type )?[^;]*? from '([^']+)'/gm,
      )) {
        if (m[1] || !m[2]!.startsWith('.')) continue
        const target = resolve(file, '..', m[2]!)
        const [other] = target.startsWith(dir + '/') ? target.slice(dir.length + 1).split('/') : []
        if (other && other !== folder) deps.add(other)
      }
    }
    graph.set(folder, deps)
  }
  return graph
}

/** Every import between folders that lies on a cycle ('a -> b' where b also reaches a). */
function edgesOnCycles(graph: Map<string, Set<string>>): string[] {
  const reaches = (from: string, to: string) => {
    const seen = new Set<string>()
    const stack = [from]
    while (stack.length) {
      const next = stack.pop()!
      if (next === to) return true
      if (seen.has(next)) continue
      seen.add(next)
      stack.push(...(graph.get(next) ?? []))
    }
    return false
  }
  return [...graph]
    .flatMap(([a, deps]) => [...deps].filter((b) => reaches(b, a)).map((b) => `${a} -> ${b}`))
    .sort()
}

describe('module cycles', () => {
  it('api modules form no cycle', () => {
    expect(edgesOnCycles(folderGraph('apps/api/src/modules'))).toEqual([])
  })

  it('web features import no feature at all', () => {
    const graph = folderGraph('apps/web/src/features')
    expect(
      [...graph]
        .filter(([, deps]) => deps.size > 0)
        .map(([f, deps]) => `${f} -> ${[...deps].join(', ')}`),
    ).toEqual([])
  })
})
