// Builds the privacy center (/) and the admin console (/admin) into dist/web; the server serves them.
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here('.'),
  base: '/',
  plugins: [preact({ prerender: { enabled: false } })],
  build: {
    outDir: here('../../dist/web'),
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: false,
    rollupOptions: {
      input: { center: here('index.html'), admin: here('admin/index.html') },
      // code both apps share gets a neutral name instead of whichever module rollup picks
      output: { chunkFileNames: 'assets/shared-[hash].js' },
    },
  },
  server: { proxy: { '/v1': 'http://127.0.0.1:8080', '/dev': 'http://127.0.0.1:8080', '/openapi.json': 'http://127.0.0.1:8080' } },
});
