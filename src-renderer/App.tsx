import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState, useSyncExternalStore } from 'react';
import { RouterProvider } from 'react-router';
import { isUnauthorized, subscribeUnauthorized } from './backend/authState';
import { damagedState, subscribeDamaged } from './backend/recoveryState';
import { LanguageProvider } from './i18n/LanguageProvider';
import { FullPageSpin } from './components/FullPageSpin';
import { UnauthorizedPage } from './layout/UnauthorizedPage';
import { makeRouter } from './router';

// Met only with a damaged database: its table of backups (antd's Table) stays out of the first load.
const RecoveryPage = lazy(() => import('./layout/RecoveryPage').then((m) => ({ default: m.RecoveryPage })));

export function App({ queryClient }: { queryClient: QueryClient }) {
  const [router] = useState(() => makeRouter(queryClient));
  const unauthorized = useSyncExternalStore(subscribeUnauthorized, isUnauthorized);
  const damaged = useSyncExternalStore(subscribeDamaged, damagedState);
  return (
    <QueryClientProvider client={queryClient}>
      <LanguageProvider>
        {unauthorized ? (
          <UnauthorizedPage />
        ) : damaged ? (
          <Suspense fallback={<FullPageSpin />}>
            <RecoveryPage damaged={damaged} />
          </Suspense>
        ) : (
          <RouterProvider router={router} />
        )}
      </LanguageProvider>
    </QueryClientProvider>
  );
}
