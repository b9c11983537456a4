import { defineConfig } from 'drizzle-kit'

// PostgreSQL's migrations, generated from schema.pg.ts into their own folder (drizzle-kit has
// no schema shared between dialects; db/schema.test.ts keeps the two schemas alike)
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.pg.ts',
  out: './src/db/migrations-pg',
  casing: 'snake_case',
})
