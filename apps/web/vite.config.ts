/**
 * Vite build of the SPA: `vite build` writes apps/web/dist, which the API serves; `vite` (dev)
 * proxies /api to the API on http://localhost:3000.
 */
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:3000' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      // packages/domain is pure (no I/O, nothing runs on import; ARCHITECTURE.md), but its package
      // does not say so: without this, importing one constant pulls every zod schema into a route.
      treeshake: { moduleSideEffects: (id: string) => !/[\\/]packages[\\/]domain[\\/]/.test(id) },
    },
  },
})
