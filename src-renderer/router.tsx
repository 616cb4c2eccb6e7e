import type { QueryClient } from '@tanstack/react-query';
import { createHashRouter, Navigate } from 'react-router';
import { FullPageSpin } from './components/FullPageSpin';
import { dashboardPage, dashboardReads } from './firstReads';
import { AppShell } from './layout/AppShell';
import { IndexRedirect } from './layout/IndexRedirect';
import { RootLayout } from './layout/RootLayout';
import { RouteError } from './layout/RouteError';

// Screens load on first visit, so that the grid and chart libraries do not slow the first paint.
const dashboard = () => dashboardPage().then((m) => ({ Component: m.DashboardPage }));
const team = () => import('./pages/team/TeamPage').then((m) => ({ Component: m.TeamPage }));
const customers = () => import('./pages/records/CustomersPage').then((m) => ({ Component: m.CustomersPage }));
const orders = () => import('./pages/records/OrdersPage').then((m) => ({ Component: m.OrdersPage }));
const importExport = () => import('./pages/import/ImportPage').then((m) => ({ Component: m.ImportPage }));
const settings = () => import('./pages/settings/SettingsPage').then((m) => ({ Component: m.SettingsPage }));
const targets = () => import('./pages/targets/TargetsPage').then((m) => ({ Component: m.TargetsPage }));
const surveys = () => import('./pages/surveys/SurveysPage').then((m) => ({ Component: m.SurveysPage }));
const survey = () => import('./pages/surveys/SurveyDetailPage').then((m) => ({ Component: m.SurveyDetailPage }));
const surveyImport = () => import('./pages/surveys/SurveyImportPage').then((m) => ({ Component: m.SurveyImportPage }));
const appraisals = () => import('./pages/appraisals/AppraisalsPage').then((m) => ({ Component: m.AppraisalsPage }));
const home = () => import('./pages/home/HomePage').then((m) => ({ Component: m.HomePage }));
const plans = () => import('./pages/plans/PlansPage').then((m) => ({ Component: m.PlansPage }));
const reports = () => import('./pages/reports/SalesReportsPage').then((m) => ({ Component: m.SalesReportsPage }));
const relations = () => import('./pages/relations/RelationsPage').then((m) => ({ Component: m.RelationsPage }));
const customerPage = () =>
  import('./pages/relations/CustomerDetailPage').then((m) => ({ Component: m.CustomerDetailPage }));
const visits = () => import('./pages/relations/VisitsPage').then((m) => ({ Component: m.VisitsPage }));
const care = () => import('./pages/relations/CarePage').then((m) => ({ Component: m.CarePage }));
const pipeline = () => import('./pages/pipeline/PipelinePage').then((m) => ({ Component: m.PipelinePage }));
const contracts = () => import('./pages/contracts/ContractsPage').then((m) => ({ Component: m.ContractsPage }));
const service = () => import('./pages/service/ServicePage').then((m) => ({ Component: m.ServicePage }));
const recruitment = () => import('./pages/recruitment/RecruitmentPage').then((m) => ({ Component: m.RecruitmentPage }));
const training = () => import('./pages/training/TrainingPage').then((m) => ({ Component: m.TrainingPage }));
const welcome = () => import('./pages/welcome/WelcomePage').then((m) => ({ Component: m.WelcomePage }));

/**
 * The dashboard's figures are asked for while its code loads rather than after it has rendered
 * (issue 12 item 11: the first opening). The loader does not wait for them: the screen shows its
 * skeleton and its queries find the answers under way. The window's start asks the same when it opens here.
 */
const dashboardData = (queryClient: QueryClient) => () => {
  dashboardReads(queryClient);
  return null;
};

/** Hash routes: `#/team`, `#/settings`… (the application menu sends the same routes). */
export function makeRouter(queryClient: QueryClient) {
  return createHashRouter([
    {
      element: <RootLayout />,
      errorElement: <RouteError />,
      hydrateFallbackElement: <FullPageSpin />,
      children: [
        { index: true, element: <IndexRedirect /> },
        { path: 'welcome', lazy: welcome },
        {
          element: <AppShell />,
          errorElement: <RouteError />,
          children: [
            { path: 'home', lazy: home },
            { path: 'plans', lazy: plans },
            { path: 'reports', lazy: reports },
            { path: 'dashboard', lazy: dashboard, loader: dashboardData(queryClient) },
            { path: 'team', lazy: team },
            { path: 'targets', lazy: targets },
            { path: 'customers', lazy: customers },
            { path: 'orders', lazy: orders },
            { path: 'surveys', lazy: surveys },
            { path: 'surveys/import', lazy: surveyImport },
            { path: 'surveys/:id', lazy: survey },
            { path: 'appraisals', lazy: appraisals },
            { path: 'relations', lazy: relations },
            { path: 'relations/:id', lazy: customerPage },
            { path: 'visits', lazy: visits },
            { path: 'care', lazy: care },
            { path: 'pipeline', lazy: pipeline },
            { path: 'contracts', lazy: contracts },
            { path: 'service', lazy: service },
            { path: 'recruitment', lazy: recruitment },
            { path: 'training', lazy: training },
            { path: 'import-export', lazy: importExport },
            { path: 'settings', lazy: settings },
          ],
        },
        { path: '*', element: <Navigate to="/" replace /> },
      ],
    },
  ]);
}
