// electron-vite configuration (scripts pass `-c electron.config.ts`): main process, the sandboxed
// preload (CommonJS, as Electron's sandbox requires) and the React renderer.
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { sourcePaths } from './build/source-paths.js';

export default defineConfig({
  main: {
    // the worker finds the built-in index system and review rules in analytics/, not next to out/main
    plugins: [sourcePaths(import.meta.dirname)],
    build: {
      outDir: 'out/main',
      // The analytics worker runs in an Electron utility process: a second entry next to main.
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'electron/main.ts'),
          worker: resolve(import.meta.dirname, 'electron/service/worker.ts'),
        },
        // Reports' PDFs: the desktop app prints with Electron's printToPDF; only the browser host's
        // worker drives a Chromium (over its DevTools pipe, analytics/report/render/cdp.ts).
        external: ['playwright-core'],
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(import.meta.dirname, 'out/renderer'),
      minify: true,
      chunkSizeWarningLimit: 1500,
      rollupOptions: { input: resolve(import.meta.dirname, 'renderer/index.html') },
    },
  },
});
