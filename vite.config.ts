import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// dkfds exports only its JS; its compiled CSS (and the fonts it references) is reached by path.
const dkfdsCss = fileURLToPath(new URL('./node_modules/dkfds/dist/css/dkfds.min.css', import.meta.url));

export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  resolve: { alias: { 'dkfds.css': dkfdsCss } },
  build: { outDir: '../../dist/web', emptyOutDir: true, chunkSizeWarningLimit: 900 },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
