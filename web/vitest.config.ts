import { defineConfig } from 'vitest/config'

// Unit tests cover plain TypeScript (REST client, i18n catalogues, helpers); they do not
// need the UI kit's Vite plugin.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
})
