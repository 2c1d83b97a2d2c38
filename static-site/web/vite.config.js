import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';

const plotlyVersion = JSON.parse(
  readFileSync(new URL('./node_modules/plotly.js-dist-min/package.json', import.meta.url), 'utf8'),
).version;

// Plotly is loaded as a classic script (public/vendor, copied by scripts/copy-plotly.mjs) and used as window.Plotly.
const plotlyScript = {
  name: 'plotly-script',
  transformIndexHtml: () => [
    { tag: 'script', attrs: { src: `/vendor/plotly-${plotlyVersion}.min.js`, defer: true }, injectTo: 'head-prepend' },
  ],
};

export default defineConfig({
  esbuild: { jsx: 'automatic' },
  plugins: [plotlyScript],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false },
  server: {
    port: 5173,
    // `npm run dev` against a backend: API_URL=http://127.0.0.1:8081 npm run dev
    proxy: { '/api': { target: process.env.API_URL || 'http://127.0.0.1:8081', changeOrigin: true } },
  },
});
