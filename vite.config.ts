import { defineConfig } from 'vite';

/**
 * The browser build: index.html at the root, output in dist/ (a static site: no server needed).
 * Phaser and chart.js get chunks of their own, so the app code stays small and cacheable;
 * `base: './'` lets the build run from any folder of any static host.
 */
export default defineConfig({
  base: './',
  build: {
    outDir: 'dist',
    sourcemap: true,
    chunkSizeWarningLimit: 1600,
    // Phaser's SVG loader cannot read URL-encoded data URIs: keep SVG art as files.
    assetsInlineLimit: (file: string) => (file.endsWith('.svg') ? false : undefined),
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'phaser', test: /node_modules[\\/]phaser/ },
            { name: 'chartjs', test: /node_modules[\\/](chart\.js|@kurkle)/ },
          ],
        },
      },
    },
  },
  worker: { format: 'es' },
});
