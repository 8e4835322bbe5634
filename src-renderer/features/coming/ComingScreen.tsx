import { Link } from 'react-router';
import { PageHeader } from '../../ui/PageHeader';
import { EmptyState } from '../../ui/EmptyState';

/** The screens of the app's second part; until then the CLI does their work. */
const COMING: Record<string, { title: string; what: string; meanwhile: string }> = {
  payments: {
    title: 'Payments',
    what: 'Recording payments, importing bank files and the aging report as of any date.',
    meanwhile:
      'nexus-billing pay --invoice INV-2026-00001 --amount 100.00 --method wire --date 2026-11-20',
  },
  settings: {
    title: 'Settings',
    what: 'Seller details, numbering, payment terms, locale, email, the data folder and backups.',
    meanwhile: 'nexus-billing load settings.json',
  },
};

export function ComingScreen({ screen }: { screen: keyof typeof COMING }) {
  const { title, what, meanwhile } = COMING[screen]!;
  return (
    <>
      <PageHeader title={title} />
      <EmptyState title="Coming in part 2">
        <p>{what}</p>
        <p>
          Until this screen arrives, the command line does it: <code>{meanwhile}</code>. Invoices
          and payments recorded there show up here at once. Meanwhile you can{' '}
          <Link to="/bill-run">run the month's bills</Link> or{' '}
          <Link to="/invoices">look at the invoices</Link>.
        </p>
      </EmptyState>
    </>
  );
}
