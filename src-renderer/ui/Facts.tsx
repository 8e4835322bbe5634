import type { ReactNode } from 'react';

/** Facts about one thing, a term and its value a row: a contract's terms, a line's "why". */
export function Facts({ narrow = false, children }: { narrow?: boolean; children: ReactNode }) {
  return <dl className={narrow ? 'facts facts--narrow' : 'facts'}>{children}</dl>;
}

export function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="facts__row">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** A row of counts with their names, large: what an import did. */
export function Counts({ children }: { children: ReactNode }) {
  return <dl className="counts">{children}</dl>;
}

export function Count({ label, value }: { label: string; value: number }) {
  return (
    <div className="count">
      <dt>{label}</dt>
      <dd>{value.toLocaleString()}</dd>
    </div>
  );
}
