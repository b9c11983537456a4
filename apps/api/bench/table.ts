/**
 * The benchmark's result table: one line per measure with its target and a column per engine,
 * each cell the value, whether the target was met (`MISS` marks a miss; rows without a target
 * are informational) and the 1-minute load average when it was measured (the machine may be
 * shared). Notes follow the table, one line each, named by engine and measure.
 */
import type { Engine } from '../src/db/engine.ts'

export type Cell = { value: string; ok?: boolean; load: number; note?: string }
export type Row = { measure: string; target?: string; cells: Partial<Record<Engine, Cell>> }

/** Unit helpers for values: ms with one decimal, counts with thousands separators. */
export const fmtMs = (ms: number) => `${ms.toFixed(1)} ms`
export const fmtInt = (n: number) => Math.round(n).toLocaleString('en-US')

/** The rows of one run, in the order measures were first added; a measure's cells fill in per engine. */
export class ResultTable {
  readonly rows: Row[] = []

  /** `onAdd` sees every cell as it is added (a long run shows its figures as it goes). */
  constructor(private readonly onAdd: (line: string) => void = () => {}) {}

  add(engine: Engine, measure: string, cell: Cell, target?: string): void {
    this.onAdd(`${engine}: ${measure}: ${cell.value}${cell.note ? ` (${cell.note})` : ''}`)
    let row = this.rows.find((r) => r.measure === measure)
    if (!row) {
      row = { measure, cells: {}, ...(target === undefined ? {} : { target }) }
      this.rows.push(row)
    }
    row.cells[engine] = cell
  }

  misses(): number {
    return this.rows.reduce(
      (n, r) => n + Object.values(r.cells).filter((c) => c.ok === false).length,
      0,
    )
  }

  /** Left-aligned columns: measure, target, one per engine; then the notes. */
  format(engines: readonly Engine[]): string {
    const cell = (c: Cell | undefined) =>
      c === undefined
        ? '-'
        : `${c.value}${c.ok === undefined ? '' : c.ok ? ' ok' : ' MISS'} (load ${c.load.toFixed(1)})`
    const cells = this.rows.map((r) => [
      r.measure,
      r.target ?? '',
      ...engines.map((e) => cell(r.cells[e])),
    ])
    const head = ['measure', 'target', ...engines]
    const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => width(c[i] ?? ''))))
    const line = (c: string[]) =>
      c
        .map((s, i) => s + ' '.repeat((widths[i] ?? 0) - width(s)))
        .join('  ')
        .trimEnd()
    const notes = this.rows.flatMap((r) =>
      engines.flatMap((e) => {
        const note = r.cells[e]?.note
        return note ? [`${e}, ${r.measure}: ${note}`] : []
      }),
    )
    return [
      line(head),
      widths.map((w) => '-'.repeat(w)).join('  '),
      ...cells.map(line),
      '',
      ...notes,
    ].join('\n')
  }
}

/** Terminal width of `s`: CJK characters take two columns. */
function width(s: string): number {
  let w = 0
  for (const ch of s) w += /[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1
  return w
}
