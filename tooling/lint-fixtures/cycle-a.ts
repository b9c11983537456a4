// Lint fixture (not built, ignored by `eslint .`): half of an import cycle with cycle-b.ts.
import { b } from './cycle-b.ts'

export const a = () => b() + 1
