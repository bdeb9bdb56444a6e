/**
 * The web app (src/web) built to dist/web, which `amity serve` serves beside the API.
 * `npm run dev:web` serves it with hot reload and sends /api to the API on localhost:3000.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('./src/web', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/web', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    // ECharts and the world map are loaded on the pages that use them; the size limit is watched
    // by `npm run bench:web` (initial JS ≤ 350 KB gzipped).
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: process.env.AMITY_API ?? 'http://localhost:3000', changeOrigin: true } },
  },
});
