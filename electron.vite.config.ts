import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { OutputBundle, OutputChunk } from 'rolldown';
import type { Plugin } from 'vite';

/**
 * The app's code (boot.tsx and everything it imports) is loaded by the start (main.tsx) with a dynamic
 * import, so that the start can ask for the first screen's data first; the browser would only begin to
 * fetch that code once the start has arrived and run. Named in the page as module preloads, it is fetched
 * (and compiled off the main thread) while the start is still on its way (issue 12 item 11).
 */
function preloadAppCode(entry: string): Plugin {
  return {
    name: 'workbench:preload-app-code',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle: OutputBundle = ctx.bundle ?? {};
        const chunks = Object.values(bundle).filter((c): c is OutputChunk => c.type === 'chunk');
        const start = chunks.find((c) => c.facadeModuleId?.endsWith(entry));
        if (!start) throw new Error(`preloadAppCode: no chunk for ${entry}`);
        const files: string[] = [];
        const visit = (file: string) => {
          if (files.includes(file) || html.includes(`/${file}"`)) return;
          files.push(file);
          for (const dep of (bundle[file] as OutputChunk).imports) visit(dep);
        };
        visit(start.fileName);
        return files.map((file) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `./${file}` },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}

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
    plugins: [react(), preloadAppCode('src-renderer/boot.tsx')],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // electron-vite leaves the renderer unminified; Chromium then parses 6 MB of scripts (comments and
      // all) before the first screen shows. Minified, the dashboard's first opening reads a third of that.
      minify: 'oxc',
      rolldownOptions: { input: { index: resolve(__dirname, 'src-renderer/index.html') } },
    },
  },
});
