import { useId, type ReactNode } from 'react';

/** A card of a screen, named by its heading, with actions beside the heading. */
export function Section({
  title,
  actions,
  children,
}: {
  title: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <section className="card" aria-labelledby={id}>
      <div className="card__header">
        <h2 id={id} className="card__title">
          {title}
        </h2>
        {actions}
      </div>
      {children}
    </section>
  );
}
