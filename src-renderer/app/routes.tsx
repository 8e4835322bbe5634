import type { RouteObject } from 'react-router';
import { BillRunScreen } from '../features/bill-run/BillRunScreen';
import { ComingScreen } from '../features/coming/ComingScreen';
import { DashboardScreen } from '../features/dashboard/DashboardScreen';
import { InvoicePage } from '../features/invoices/InvoicePage';
import { InvoicesScreen } from '../features/invoices/InvoicesScreen';
import { PlanEditor } from '../features/plans/PlanEditor';
import { PlansScreen } from '../features/plans/PlansScreen';
import { ImportWizard } from '../features/usage/ImportWizard';
import { UsageScreen } from '../features/usage/UsageScreen';
import { ContractPage } from '../features/contracts/ContractPage';
import { CreditsScreen } from '../features/credits/CreditsScreen';
import { CustomerPage } from '../features/customers/CustomerPage';
import { CustomersScreen, NewCustomerScreen } from '../features/customers/CustomersScreen';
import { Layout } from './Layout';
import { NotFound } from './NotFound';

export const routes: RouteObject[] = [
  {
    path: '/',
    element: <Layout />,
    children: [
      { index: true, element: <DashboardScreen /> },
      // ---- customers, contracts, credits (app-customers)
      { path: 'customers', element: <CustomersScreen /> },
      { path: 'customers/new', element: <NewCustomerScreen /> },
      { path: 'customers/:id', element: <CustomerPage /> },
      { path: 'contracts/:contract', element: <ContractPage /> },
      { path: 'credits', element: <CreditsScreen /> },
      { path: 'plans', element: <PlansScreen /> },
      { path: 'plans/new', element: <PlanEditor /> },
      { path: 'plans/:code', element: <PlanEditor /> },
      { path: 'usage', element: <UsageScreen /> },
      { path: 'usage/import', element: <ImportWizard /> },
      { path: 'bill-run', element: <BillRunScreen /> },
      { path: 'invoices', element: <InvoicesScreen /> },
      { path: 'invoices/:reference', element: <InvoicePage /> },
      { path: 'payments', element: <ComingScreen screen="payments" /> },
      { path: 'settings', element: <ComingScreen screen="settings" /> },
      { path: '*', element: <NotFound /> },
    ],
  },
];
