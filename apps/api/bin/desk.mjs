#!/usr/bin/env node
// `pnpm desk …` at the repository root runs this file as a linked binary (the root depends on
// @desk/api), not through a package script: pnpm prints its ELIFECYCLE lines after any script
// that fails, even with --silent, while a binary's failure reaches the terminal as the CLI's
// own message and exit code only. TypeScript is loaded by tsx, as `node --import tsx` would.
import { register } from 'tsx/esm/api'

register()
await import('../src/cli/desk.ts')
