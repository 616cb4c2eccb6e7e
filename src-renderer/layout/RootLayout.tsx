import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Outlet, useNavigate } from 'react-router';
import { onEvent } from '../backend/events';
import { isOwnEcho } from '../backend/ownChanges';
import { JobRunnerProvider } from '../components/JobRunner';

/** Above every screen: follows the application menu and refreshes data another door changed. */
export function RootLayout() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  useEffect(() => {
    const offMenu = onEvent('menu/navigate', (route) => {
      if (typeof route === 'string' && route.startsWith('/')) navigate(route);
    });
    // Our own changes arrive here too (already refreshed): bunch them, and leave running fetches alone.
    let timer: number | undefined;
    const offData = onEvent('data/changed', ({ operation }) => {
      if (isOwnEcho(operation)) return;
      window.clearTimeout(timer);
      timer = window.setTimeout(() => void queryClient.invalidateQueries(undefined, { cancelRefetch: false }), 150);
    });
    return () => {
      window.clearTimeout(timer);
      offMenu();
      offData();
    };
  }, [navigate, queryClient]);

  return (
    <JobRunnerProvider>
      <Outlet />
    </JobRunnerProvider>
  );
}
