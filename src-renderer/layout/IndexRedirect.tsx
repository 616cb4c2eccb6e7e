import { Navigate } from 'react-router';
import { useOp } from '../backend/useOp';
import { ErrorState } from '../components/ErrorState';
import { FullPageSpin } from '../components/FullPageSpin';

/** The start: the welcome page on the first run, the manager's home page afterwards. */
export function IndexRedirect() {
  const info = useOp('system/info', {});
  if (info.isPending) return <FullPageSpin />;
  if (info.isError) return <ErrorState error={info.error} onRetry={() => void info.refetch()} />;
  return <Navigate to={info.data.firstRun ? '/welcome' : '/home'} replace />;
}
