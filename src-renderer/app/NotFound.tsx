import { Link } from 'react-router';
import { EmptyState } from '../ui/EmptyState';
import { PageHeader } from '../ui/PageHeader';

export function NotFound() {
  return (
    <>
      <PageHeader title="Nothing here" />
      <EmptyState title="This address is no screen of the desk">
        <p>
          Pick a screen on the left, or go back to the <Link to="/">Dashboard</Link>.
        </p>
      </EmptyState>
    </>
  );
}
