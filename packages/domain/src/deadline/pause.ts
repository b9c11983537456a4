/**
 * Whether an inquiry's clock may be stopped and restarted by the generic 暂停计时 / 恢复计时 (a
 * reason typed by staff, a `clock_pauses` record whose span the due date leaves out), beyond who
 * may (the lifecycle's `pause_clock` / `resume_clock`): not on a kind whose clock stops only by
 * steps of its own statutory clock (KindLifecycle.pausedBy). A disclosure request stops for a 补正
 * notice (《中华人民共和国政府信息公开条例》第三十条: the period then runs afresh from the corrected
 * request) or a consultation (第三十二条: its time does not count), both steps of its clock
 * (disclosure/clock.ts), which computes the due date from them and never reads a generic pause;
 * a generic pause there would mark the inquiry paused without moving anything, and its resume
 * would overwrite the clock's due date with the generic rule's. The API refuses with this code
 * (409) and the SPA does not offer the buttons, saying where the steps are.
 */
import { pausedByClock } from '../inquiry/lifecycle.ts'

/**
 * Why the generic pause or resume is refused: the kind's clock has its own steps (`clock_step`),
 * or, for a pause, the due date of the running clock has passed (`pause_after_due`).
 */
export type PauseRefusal = 'clock_step' | 'pause_after_due'

/** Why an inquiry of `kind` may not be paused or resumed by the generic action, or null. */
export function clockPauseRefusal(kind: string): PauseRefusal | null {
  return pausedByClock(kind) ? 'clock_step' : null
}

/**
 * Why the generic 暂停计时 may not start now, or null: `clockPauseRefusal`, then a due date already
 * passed (`dueAt` < `at`, both UTC ms; the last minute of the due day still pauses). A pause leaves
 * its span out of the due date, so one started after the due date would lift a late item out of
 * the overdue counts while it lasts and, on resume, move a deadline that has passed past the
 * answer: the late answer would read as on time. As for a late 延期 (extension.ts `filedAfterDue`),
 * the period is stopped within it, not after — and for a manager too, who may not approve a late
 * extension either: what the item waits for after its due date (a citizen's material, another
 * unit) does not make the answer less late; the manager's tools are the reply, a note and the
 * transfer. Resuming a pause started in time stays allowed whenever it happens.
 */
export function pauseRefusal(facts: {
  kind: string
  dueAt: number
  at: number
}): PauseRefusal | null {
  return clockPauseRefusal(facts.kind) ?? (facts.at > facts.dueAt ? 'pause_after_due' : null)
}
