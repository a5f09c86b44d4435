import { defineConfig } from 'drizzle-kit';

// `npm run db:generate` writes drizzle/NNNN_name.sql + meta/. Migrations are
// append-only: never edit one that has landed, add a new one.
export default defineConfig({
  dialect: 'sqlite',
  schema: ['./electron/core/db/schema.ts', './electron/core/db/schemaSeals.ts'],
  out: './drizzle',
});
