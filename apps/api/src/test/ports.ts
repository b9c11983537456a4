/** Whether a port still answers, for tests that stop a real server. */
import { connect } from 'node:net'

/** Whether a new connection to 127.0.0.1:`port` is refused (nothing listens there any more). */
export function refused(port: number): Promise<boolean> {
  return new Promise((done) => {
    const s = connect(port, '127.0.0.1')
    s.once('connect', () => {
      s.destroy()
      done(false)
    })
    s.once('error', () => done(true))
  })
}
