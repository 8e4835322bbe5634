import type { Customer } from '../../../src-main/domain/model';

/**
 * The slot for the customer statement (a PDF of opening balance, invoices, payments,
 * credit notes and closing balance), which the settings and statements work wires to
 * its procedure. Until then it is drawn, disabled, saying so.
 */
export function CustomerStatementAction({ customer }: { customer: Customer }) {
  const hint = `statement-waiting-${customer.id}`;
  return (
    <>
      <button type="button" className="button" disabled aria-describedby={hint}>
        Statement
      </button>
      <span id={hint} className="visually-hidden">
        The statement PDF arrives with the statements service.
      </span>
    </>
  );
}
