import { QueryClientProvider } from '@tanstack/react-query';
import { useState, useSyncExternalStore } from 'react';
import { RouterProvider } from 'react-router';
import { isUnauthorized, subscribeUnauthorized } from './backend/authState';
import { makeQueryClient } from './backend/queryClient';
import { LanguageProvider } from './i18n/LanguageProvider';
import { UnauthorizedPage } from './layout/UnauthorizedPage';
import { makeRouter } from './router';

export function App() {
  const [queryClient] = useState(makeQueryClient);
  const [router] = useState(makeRouter);
  const unauthorized = useSyncExternalStore(subscribeUnauthorized, isUnauthorized);
  return (
    <QueryClientProvider client={queryClient}>
      <LanguageProvider>{unauthorized ? <UnauthorizedPage /> : <RouterProvider router={router} />}</LanguageProvider>
    </QueryClientProvider>
  );
}
