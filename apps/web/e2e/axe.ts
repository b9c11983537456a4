/** axe-core in a Playwright page: the serious and critical violations, for the e2e specs. */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { AxeResults } from 'axe-core'
import type { Page } from 'playwright-core'

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
)

/** For a contrast failure, the colours and ratio axe measured, e.g. ` (#389e0d on #f6ffed 3.37)`. */
function contrastOf(node: AxeResults['violations'][number]['nodes'][number]): string {
  const data = node.any[0]?.data as
    { fgColor?: string; bgColor?: string; contrastRatio?: number } | undefined
  return data?.contrastRatio ? ` (${data.fgColor} on ${data.bgColor} ${data.contrastRatio})` : ''
}

/**
 * Runs axe-core in the page; returns the serious and critical violations as `id: target` lines.
 * axe is evaluated through the DevTools protocol, not added as a <script>: the desk's CSP
 * (script-src 'self') rightly refuses inline scripts.
 */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE)
  const results = await page.evaluate(() =>
    (window as unknown as { axe: { run: () => Promise<AxeResults> } }).axe.run(),
  )
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ') + contrastOf(n)).join(', ')}`)
}
