import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

// electron-vite only guesses src/main and the like: the workbench names its entries explicitly.
// Main stays ESM ("type": "module") with the production dependencies external (better-sqlite3 above all:
// its native binary is chosen at run time); the job worker is a second entry beside index.js.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // chinese-days ships a minified CommonJS main whose named exports Node's ESM loader cannot see: bundle its ES build
      externalizeDeps: { exclude: ['chinese-days'] },
      rolldownOptions: {
        input: {
          index: resolve(__dirname, 'src-main/electron/main.ts'),
          'job-worker': resolve(__dirname, 'src-main/runtime/job-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can require only 'electron': anything else it imports must be bundled in,
      // and its output must be CommonJS (index.cjs, since package.json says "type": "module").
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(__dirname, 'src-main/electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src-renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // electron-vite leaves the renderer unminified; Chromium then parses 6 MB of scripts (comments and
      // all) before the first screen shows. Minified, the dashboard's first opening reads a third of that.
      minify: 'oxc',
      rolldownOptions: { input: { index: resolve(__dirname, 'src-renderer/index.html') } },
    },
  },
});
