/**
 * zod 4 compiles object parsers with `new Function()` where eval is allowed, and its probe for
 * that trips the desk's Content-Security-Policy (`script-src 'self'`, no 'unsafe-eval'): each page
 * would report a violation. Parse without compiling; imported first by the browser entry.
 */
import { z } from 'zod'

z.config({ jitless: true })
