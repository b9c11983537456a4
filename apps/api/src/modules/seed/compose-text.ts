/**
 * Composes one inquiry's texts from the templates of topics.ts: a topic (by weight), one of its
 * cases (subject, body framed by an opening and a closing, and the reply a responder would send).
 * The places and numbers are drawn once, so subject, body and reply name the same community.
 * Pure: no I/O.
 */
import { pickPlaces } from './places.ts'
import type { Random } from './random.ts'
import { CLOSINGS, OPENINGS, REPLY_CLOSINGS, REPLY_OPENINGS, TOPICS } from './topics.ts'

export type InquiryText = { category: string; subject: string; body: string; reply: string }

/** Replaces each `{slot}` of `template` with `slots[slot]`. @throws Error naming an unknown slot */
export function fillTemplate(template: string, slots: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = slots[name]
    if (value === undefined) throw new Error(`template slot {${name}} has no value: ${template}`)
    return value
  })
}

/** Texts of one generated inquiry. */
export function composeInquiryText(rnd: Random): InquiryText {
  const topic = rnd.pickWeighted(TOPICS, (t) => t.weight)
  const slots = {
    ...pickPlaces(rnd),
    years: String(rnd.int(2, 9)),
    months: String(rnd.int(2, 11)),
    floors: String(rnd.int(11, 33)),
  }
  const fill = (t: string) => fillTemplate(t, slots)
  const [subject, body, reply] = rnd.pick(topic.cases)
  return {
    category: topic.category,
    subject: fill(subject),
    body: rnd.pick(OPENINGS) + fill(body) + rnd.pick(CLOSINGS),
    reply: rnd.pick(REPLY_OPENINGS) + fill(reply) + rnd.pick(REPLY_CLOSINGS),
  }
}
