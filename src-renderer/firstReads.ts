import type { QueryClient } from '@tanstack/query-core';
import { prefetchOp } from './backend/prefetch';
import { pickLang, systemLocale } from './i18n/lang';
import { showLanguage } from './i18n/languages';

/**
 * What the window reads before anything shows, asked for by the start (main.tsx) while React, antd and the
 * screens' code are still loading, rather than once they have run (issue 12 item 11: the dashboard's first
 * opening). The queries of the screens then find the answers in the cache or under way.
 */

/** The dashboard's code: the start loads it beside the rest when the window opens on it. */
export const dashboardPage = () => import('./pages/dashboard/DashboardPage');

/** The target card's read: the server tracks the dashboard's year, so it is asked for beside the figures. */
export const DASHBOARD_TRACKING = { companyOnly: true } as const;

/** The dashboard's figures, its target card's tracking and the system's counts (its empty state). */
export function dashboardReads(queryClient: QueryClient): void {
  void prefetchOp(queryClient, 'dashboard/summary', {});
  void prefetchOp(queryClient, 'targets/tracking', DASHBOARD_TRACKING);
  void prefetchOp(queryClient, 'system/info', {});
}

/**
 * At start: the settings (the language provider holds every screen until they and the chosen language's
 * texts are in) and, when the window opens on the dashboard, its figures and its code.
 */
export function startFirstReads(queryClient: QueryClient, hash: string): void {
  void prefetchOp(queryClient, 'settings/get', {}).then((settings) =>
    showLanguage(pickLang(settings?.lang, systemLocale())).catch(() => undefined),
  );
  if (/^#\/dashboard\/?(\?|$)/.test(hash)) {
    dashboardReads(queryClient);
    void dashboardPage();
  } else if (/^#?\/?$/.test(hash)) void prefetchOp(queryClient, 'system/info', {});
}
