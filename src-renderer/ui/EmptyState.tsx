import type { ReactNode } from 'react';

/** What a screen shows when it has nothing yet: what this place is for and what to do next. */
export function EmptyState({
  title,
  children,
  action,
}: {
  title: string;
  children: ReactNode;
  action?: ReactNode;
}) {
  return (
    <section className="empty-state" aria-label={title}>
      <h2 className="empty-state__title">{title}</h2>
      <div className="empty-state__body">{children}</div>
      {action && <div className="empty-state__action">{action}</div>}
    </section>
  );
}
