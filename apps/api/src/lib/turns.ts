/**
 * Requests take turns with the event loop: at most `REQUESTS_PER_TURN` requests start in one turn
 * of the loop, the others wait for the next turns in the order they came.
 *
 * Why: libuv (1.45 on, so Node 20) accepts one new connection per turn of the event loop
 * (libuv/libuv#3696, "don't accept() connections in a loop"), and on SQLite a request runs from
 * its first to its last byte within the turn that read it (the driver is synchronous). A turn
 * that serves every connection with a request waiting lasts (open connections × CPU per request),
 * so under load the connections not yet accepted wait in the kernel's queue for seconds, and the
 * more are served, the slower the next is let in. 200 clients connecting at once to a saturated
 * desk (`bench:load`'s mix) saw the listen queue hold ~180 connections for seconds, one accepted
 * every ~50 ms, and the first requests of a hundred clients time out after 10 s. With turns of a
 * few requests each, a new connection waits a few milliseconds of work; the work itself is the
 * same. Measured (a server burning 1 ms a request, 30 busy keep-alive clients, then 200 new
 * connections at once, load average ~20): first answers p50 12–14 s, max 22–26 s in one go;
 * 1.5 s and 2.5 s with 2 requests a turn (1.8 / 2.9 s with 1, 4–5 / 7–8 s with 4, 5.4 / 9.6 s with 8).
 */
import { createMiddleware } from 'hono/factory'

/** Requests started per turn of the event loop (each costs about 1–3 ms of CPU on a GET). */
export const REQUESTS_PER_TURN = 2

const waiting: (() => void)[] = []
let scheduled = false

function nextTurn() {
  scheduled = false
  for (const start of waiting.splice(0, REQUESTS_PER_TURN)) start()
  // what is left waits for the next turn, after the loop has polled (and accepted) again
  if (waiting.length > 0) schedule()
}

function schedule() {
  scheduled = true
  setImmediate(nextTurn)
}

/** Waits for this request's turn (see above), then runs the rest of the chain. */
export const takeTurns = createMiddleware(async (_c, next) => {
  await new Promise<void>((start) => {
    waiting.push(start)
    if (!scheduled) schedule()
  })
  await next()
})
