// zod 4 decides at schema construction whether to compile parsers with `new Function()`, and its
// probe for eval trips the Content-Security-Policy (script-src 'self', no 'unsafe-eval'). Schemas
// are built when their chunk loads, which can be before the entry module's own code runs, so the
// setting is made here, in a classic script that runs before any module.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, {
  jitless: true,
})
