import { defineConfig } from 'vite';

/** The browser build (the board comes in a later issue; for now the engine bundles as a library check). */
export default defineConfig({
  build: { outDir: 'dist', sourcemap: true },
});
