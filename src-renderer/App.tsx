import { QueryClientProvider } from '@tanstack/react-query';
import { useState, useSyncExternalStore } from 'react';
import { RouterProvider } from 'react-router';
import { isUnauthorized, subscribeUnauthorized } from './backend/authState';
import { makeQueryClient } from './backend/queryClient';
import { damagedState, subscribeDamaged } from './backend/recoveryState';
import { LanguageProvider } from './i18n/LanguageProvider';
import { RecoveryPage } from './layout/RecoveryPage';
import { UnauthorizedPage } from './layout/UnauthorizedPage';
import { makeRouter } from './router';

export function App() {
  const [queryClient] = useState(makeQueryClient);
  const [router] = useState(makeRouter);
  const unauthorized = useSyncExternalStore(subscribeUnauthorized, isUnauthorized);
  const damaged = useSyncExternalStore(subscribeDamaged, damagedState);
  return (
    <QueryClientProvider client={queryClient}>
      <LanguageProvider>
        {unauthorized ? (
          <UnauthorizedPage />
        ) : damaged ? (
          <RecoveryPage damaged={damaged} />
        ) : (
          <RouterProvider router={router} />
        )}
      </LanguageProvider>
    </QueryClientProvider>
  );
}
