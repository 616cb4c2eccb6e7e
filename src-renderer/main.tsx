import { captureToken } from './backend/browserToken';
import { makeQueryClient } from './backend/queryClient';
import { startFirstReads } from './firstReads';
import { warmUpWhileLoading } from './warmUp';
import './styles/base.css';
import './styles/grid.css';
import './styles/dashboard.css';
import './styles/pages.css';

/**
 * The start, kept small: it asks for the first screen's data and its language, then loads React, antd and
 * the app, so that the calls run on the server while the browser loads and runs the code
 * (issue 12 item 11). The desktop loads the same page.
 */
captureToken();
const queryClient = makeQueryClient();
startFirstReads(queryClient, window.location.hash);
void import('./boot').then((m) => m.boot(queryClient));
warmUpWhileLoading();
