/**
 * The text that `element`'s `aria-describedby` points at (what a screen reader reads after its
 * name), or null when it points at nothing in the document.
 */
export function describedBy(element: Element): string | null {
  const ids = element.getAttribute('aria-describedby')?.split(/\s+/).filter(Boolean) ?? []
  const texts = ids.map((id) => document.getElementById(id)?.textContent ?? null)
  return texts.length === 0 || texts.includes(null) ? null : texts.join(' ')
}
