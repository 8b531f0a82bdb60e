// The renderer's build: one bundle served both by Electron (custom protocol) and by the browser host.
// Relative base so the same files work under app:// and http://127.0.0.1.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('./renderer', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/renderer', import.meta.url));

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: false,
    // Gzip sizes are measured by bench/ui.bench.ts; skipping them here keeps the build fast.
    reportCompressedSize: false,
    modulePreload: { polyfill: false },
  },
  server: { host: '127.0.0.1' },
});
