import type { Plugin } from 'vite';

const CONNECT = 'transport.connect(createHMRHandler(handleMessage));';

/**
 * Browser mode compiles the renderer's sources with Vite without its HMR socket (`hmr: false, ws: false`:
 * one port, one server). Vite's page client still tries to open that socket, which the page's CSP
 * (connect-src 'self') blocks with a console error on every page: the client is served without the attempt.
 */
export function withoutHmrSocket(): Plugin {
  return {
    name: 'workbench:without-hmr-socket',
    transform(code, id) {
      if (!/[\\/]vite[\\/]dist[\\/]client[\\/]client\.mjs$/.test(id)) return undefined;
      // A Vite that words its client differently: say so at once rather than log errors on every page.
      if (!code.includes(CONNECT))
        this.warn('Vite client changed: the HMR socket attempt is not removed (src-main/web/vite-no-socket.ts)');
      return code.replace(CONNECT, '');
    },
  };
}
