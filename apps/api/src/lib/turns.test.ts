import { serve } from '@hono/node-server'
import { Hono, type MiddlewareHandler } from 'hono'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import { REQUESTS_PER_TURN, takeTurns } from './turns.ts'

/** Resolves after the event loop's next check phase (where the turns run). */
const afterTurn = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * A real HTTP server on a free port whose every answer is the number of requests answered before
 * it, with `middleware` in front (takeTurns, or nothing to see the event loop's own order).
 */
async function countingServer(middleware: MiddlewareHandler | undefined) {
  let answered = 0
  const app = new Hono()
  if (middleware) app.use(middleware)
  app.get('/', (c) => c.text(String(answered++)))
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' })
  await new Promise<void>((resolve) => server.once('listening', resolve))
  return { server, port: (server.address() as AddressInfo).port }
}

/** GET / on `agent`'s connection: the answer's number. */
function get(port: number, agent: http.Agent | false): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: '/', agent }, (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (body += chunk))
        res.on('end', () => resolve(Number(body)))
      })
      .on('error', reject)
  })
}

/**
 * FLOOD keep-alive clients each send their next request as soon as the last is answered, then
 * NEWCOMERS connect at once. Returns how many requests the server had answered when the last
 * newcomer's first request was answered, and stops the flood.
 */
async function floodThenNewcomers(port: number, FLOOD: number, NEWCOMERS: number) {
  let flooding = true
  const agents = Array.from(
    { length: FLOOD },
    () => new http.Agent({ keepAlive: true, maxSockets: 1 }),
  )
  const flood = agents.map(async (agent) => {
    while (flooding) await get(port, agent)
  })
  // the flood's connections are accepted and busy before anyone else comes
  while ((await get(port, false)) < FLOOD * 20) {
    /* wait */
  }
  const firstAnswers = await Promise.all(Array.from({ length: NEWCOMERS }, () => get(port, false)))
  flooding = false
  await Promise.all(flood)
  for (const agent of agents) agent.destroy()
  return { before: Math.min(...firstAnswers), last: Math.max(...firstAnswers) }
}

describe('takeTurns', () => {
  it('starts at most two requests per turn of the event loop, in the order they came, and answers all', async () => {
    const started: number[] = []
    const app = new Hono().use(takeTurns).get('/:n', (c) => {
      started.push(Number(c.req.param('n')))
      return c.text('ok')
    })
    const answers = [1, 2, 3, 4, 5].map((n) => app.request(`/${n}`))
    expect(started).toEqual([])
    await afterTurn()
    expect(REQUESTS_PER_TURN).toBe(2)
    expect(started).toEqual([1, 2])
    await afterTurn()
    expect(started).toEqual([1, 2, 3, 4])
    const statuses = await Promise.all(answers.map(async (a) => (await a).status))
    expect(started).toEqual([1, 2, 3, 4, 5])
    expect(statuses).toEqual([200, 200, 200, 200, 200])
  })

  it('lets new connections in while a flood of requests keeps the server busy', async () => {
    const FLOOD = 20
    const NEWCOMERS = 40
    const served = async (middleware: MiddlewareHandler | undefined) => {
      const { server, port } = await countingServer(middleware)
      try {
        const { before, last } = await floodThenNewcomers(port, FLOOD, NEWCOMERS)
        return last - before
      } finally {
        await new Promise((resolve) => server.close(resolve))
      }
    }
    // Without turns, each turn of the event loop answers every flooding connection whose next
    // request has come (about half of them: the clients run on this same loop) and accepts one new
    // connection, so the newcomers are let in one per ~FLOOD / 2 answers.
    const alone = await served(undefined)
    expect(alone).toBeGreaterThan((NEWCOMERS * FLOOD) / 4)
    // With turns, a turn answers two and accepts one: the last newcomer waits for about
    // 2 × NEWCOMERS answers, plus the requests already waiting when it came (at most one per
    // connection).
    const withTurns = await served(takeTurns)
    expect(withTurns).toBeLessThan(REQUESTS_PER_TURN * NEWCOMERS + FLOOD + NEWCOMERS)
  })
})
