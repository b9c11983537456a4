/** A minimal logger seam: the process writes JSON lines to stderr; tests pass the silent one. */
export type Logger = {
  info: (msg: string, data?: Record<string, unknown>) => void
  error: (err: unknown) => void
}

export const consoleLogger: Logger = {
  info: (msg, data) => console.error(JSON.stringify({ level: 'info', msg, ...data })),
  error: (err) => console.error(err),
}

export const silentLogger: Logger = { info: () => {}, error: () => {} }
