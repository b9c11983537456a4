/**
 * Where to go after signing in: the `next` path when it is a local path of this app, else the
 * home page of the user's role (`/`; never another origin such as `//evil.example`, never back to
 * /login).
 */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login')
    ? next
    : '/'
}
