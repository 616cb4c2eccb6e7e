import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// The command line (out/node/cli.js) and browser mode (out/node/web.js) built for plain Node: compiling the
// TypeScript on every start (tsx) cost over a second per command. A build of its own, apart from the
// Electron one, so that `npm run cli` and `npm run web` rebuild only this when src-main changes (about a
// second) — scripts/run-built.mjs. The job worker sits beside the entries, where runtime/jobs.ts looks for
// it, and out/node is as deep as src-main/web, so web.js finds the project root (and out/renderer) the same
// way from both.
export default defineConfig({
  build: {
    ssr: true,
    target: 'node20',
    outDir: 'out/node',
    emptyOutDir: true,
    minify: false,
    reportCompressedSize: false,
    rolldownOptions: {
      input: {
        cli: resolve(import.meta.dirname, 'src-main/cli/main.ts'),
        web: resolve(import.meta.dirname, 'src-main/web/main.ts'),
        'job-worker': resolve(import.meta.dirname, 'src-main/runtime/job-worker.ts'),
      },
      output: { format: 'esm', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
    },
  },
  ssr: {
    // Pure-JavaScript libraries read at every start are bundled: resolving zod's and i18next's many module
    // files took longer than the whole start-up may. Native and large, lazily loaded ones (better-sqlite3,
    // exceljs, SheetJS, playwright-core) and Vite itself stay in node_modules.
    noExternal: ['zod', 'dayjs', 'jstat', 'fflate', 'iconv-lite', 'chardet', 'i18next', 'chinese-days'],
  },
});
