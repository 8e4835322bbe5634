import type { RouteObject } from 'react-router';
import { ComingScreen } from '../features/coming/ComingScreen';
import { Layout } from './Layout';
import { NotFound } from './NotFound';

export const routes: RouteObject[] = [
  {
    path: '/',
    element: <Layout />,
    children: [
      { index: true, element: <ComingScreen screen="customers" /> },
      { path: 'customers', element: <ComingScreen screen="customers" /> },
      { path: 'plans', element: <ComingScreen screen="plans" /> },
      { path: 'payments', element: <ComingScreen screen="payments" /> },
      { path: 'credits', element: <ComingScreen screen="credits" /> },
      { path: 'settings', element: <ComingScreen screen="settings" /> },
      { path: '*', element: <NotFound /> },
    ],
  },
];
