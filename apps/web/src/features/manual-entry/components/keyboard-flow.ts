/**
 * Keyboard-first form behaviour, as a form's onKeyDown: Ctrl+Enter (⌘+Enter) submits from
 * anywhere; Enter in a single-line field or a select moves to the next field, and submits when the
 * next stop is the submit button. Enter in a text area stays a new line; Enter while an input
 * method is composing (pinyin) only confirms the characters.
 */
import type { KeyboardEvent } from 'react'

const STOPS = 'input, select, textarea, button[type="submit"]'

/**
 * The form's focus stops in order; of a radio group only the checked (or first) radio. A file
 * field is skipped: its input is hidden behind a drop zone (reached by Tab) and Enter moves past it.
 */
function focusStops(form: HTMLFormElement): HTMLElement[] {
  const seenGroups = new Set<string>()
  return Array.from(form.querySelectorAll<HTMLInputElement>(STOPS)).filter((el) => {
    if (el.disabled || el.type === 'hidden' || el.type === 'file') return false
    if (el.type !== 'radio') return true
    if (seenGroups.has(el.name)) return false
    const checked = form.querySelector<HTMLInputElement>(
      `input[type="radio"][name="${el.name}"]:checked`,
    )
    if (checked && checked !== el) return false
    seenGroups.add(el.name)
    return true
  })
}

export function handleFormKeys(event: KeyboardEvent<HTMLFormElement>): void {
  if (event.key !== 'Enter' || event.nativeEvent.isComposing) return
  const form = event.currentTarget
  if (event.ctrlKey || event.metaKey) {
    event.preventDefault()
    form.requestSubmit()
    return
  }
  const target = event.target as HTMLElement
  if (!(target instanceof HTMLInputElement || target instanceof HTMLSelectElement)) return
  event.preventDefault()
  const stops = focusStops(form)
  const at =
    target instanceof HTMLInputElement && target.type === 'radio'
      ? stops.findIndex((el) => el instanceof HTMLInputElement && el.name === target.name)
      : stops.indexOf(target)
  const next = stops[at + 1]
  if (!next || (next instanceof HTMLButtonElement && next.type === 'submit')) form.requestSubmit()
  else next.focus()
}
