/**
 * The benchmark's result table: one line per measure with its value, its target and whether the
 * target was met (`MISS` marks a miss; rows without a target are informational).
 */
export type Row = { measure: string; value: string; target?: string; ok?: boolean; note?: string }

/** Unit helpers for values: ms with one decimal, counts with thousands separators. */
export const fmtMs = (ms: number) => `${ms.toFixed(1)} ms`
export const fmtInt = (n: number) => Math.round(n).toLocaleString('en-US')

/** Left-aligned columns: measure, value, target, verdict, note. */
export function formatTable(rows: readonly Row[]): string {
  const cells = rows.map((r) => [
    r.measure,
    r.value,
    r.target ?? '',
    r.ok === undefined ? '' : r.ok ? 'ok' : 'MISS',
    r.note ?? '',
  ])
  const head = ['measure', 'value', 'target', '', 'note']
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => width(c[i] ?? ''))))
  const line = (c: string[]) =>
    c
      .map((s, i) => s + ' '.repeat((widths[i] ?? 0) - width(s)))
      .join('  ')
      .trimEnd()
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n')
}

/** Terminal width of `s`: CJK characters take two columns. */
function width(s: string): number {
  let w = 0
  for (const ch of s) w += /[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1
  return w
}
