import type { ReactNode } from 'react';
import type { CreditApplication, InvoiceLine } from '../../../src-main/domain/invoice';
import { sameDecimal } from '../../format/money';
import { DataTable, type Column } from '../../ui/DataTable';
import { Drawer } from '../../ui/Drawer';
import { Fact, Facts } from '../../ui/Facts';
import { Money, Quantity, UnitPrice } from '../../ui/Money';

const KIND_NAMES: Record<InvoiceLine['kind'], string> = {
  base_fee: 'Base fee',
  usage: 'Usage charge',
  capacity_reservation: 'Reserved capacity',
  capacity_overage: 'Capacity overage',
  minimum_true_up: 'Minimum commitment true-up',
  late_usage: 'Late usage',
  progressive_deduction: 'Already billed this period',
};

const CREDIT_KIND_NAMES: Record<string, string> = {
  sla: 'SLA credit',
  promotional: 'Promotional credit',
  goodwill: 'Goodwill credit',
  prepaid: 'Prepaid balance',
  overpayment: 'Overpayment',
};

/** The facts of "why this amount", each shown only when the line's kind uses it. */
function LineFacts({ line, currency }: { line: InvoiceLine; currency: string }) {
  const why = line.explanation;
  const money = (amount: string) => <Money amount={amount} currency={currency} />;
  const facts: ReactNode[] = [];
  if (why.active_days !== undefined && why.period_days !== undefined) {
    facts.push(
      <Fact key="proration" term="Proration">
        {why.active_days} of {why.period_days} days
        {why.full_amount !== undefined && <> of the full fee of {money(why.full_amount)}</>}
      </Fact>,
    );
  }
  if (why.usage_quantity !== undefined)
    facts.push(
      <Fact key="usage" term="Usage this period">
        <Quantity value={why.usage_quantity} />
      </Fact>,
    );
  if (why.events !== undefined)
    facts.push(
      <Fact key="events" term="Events">
        {why.events}
      </Fact>,
    );
  if (why.included !== undefined)
    facts.push(
      <Fact key="included" term="Included units">
        <Quantity value={why.included} />
      </Fact>,
    );
  if (why.reserved !== undefined)
    facts.push(
      <Fact key="reserved" term="Reserved units">
        <Quantity value={why.reserved} />
      </Fact>,
    );
  if (why.priced_quantity !== undefined)
    facts.push(
      <Fact key="priced" term="Priced units">
        <Quantity value={why.priced_quantity} />
      </Fact>,
    );
  if (why.blocked_quantity !== undefined)
    facts.push(
      <Fact key="blocked" term="Over the quota, blocked (not billed)">
        <Quantity value={why.blocked_quantity} />
      </Fact>,
    );
  if (why.packages !== undefined)
    facts.push(
      <Fact key="packages" term="Packages started">
        <Quantity value={why.packages} />
      </Fact>,
    );
  if (why.transaction_amount !== undefined)
    facts.push(
      <Fact key="transactions" term="Transaction volume">
        {money(why.transaction_amount)}
      </Fact>,
    );
  if (why.charged !== undefined)
    facts.push(
      <Fact key="charged" term="Fees and charges of the period">
        {money(why.charged)}
      </Fact>,
    );
  if (why.previously_billed !== undefined)
    facts.push(
      <Fact key="billed" term="Billed before">
        {money(why.previously_billed)}
        {why.invoices && why.invoices.length > 0 && <> on {why.invoices.join(', ')}</>}
      </Fact>,
    );
  if (line.quantity !== null && line.unit_price !== null)
    facts.push(
      <Fact key="price" term="Quantity × unit price">
        <Quantity value={line.quantity} /> ×{' '}
        <UnitPrice price={line.unit_price} currency={currency} />
      </Fact>,
    );
  if (why.exact_amount !== undefined && !sameDecimal(why.exact_amount, line.amount))
    facts.push(
      <Fact key="exact" term="Exact amount before rounding">
        {why.exact_amount} {currency}
      </Fact>,
    );
  return <Facts>{facts}</Facts>;
}

/** A tiered charge's tiers, with the quantity this period put in each. */
function TierTable({ line, currency }: { line: InvoiceLine; currency: string }) {
  return (
    <DataTable
      caption="Tiers with this period's quantities"
      columns={[
        { header: 'Tier', rowHeader: true, cell: (tier) => `Tier ${tier.tier}` },
        { header: 'Units', numeric: true, cell: (tier) => <Quantity value={tier.quantity} /> },
        {
          header: 'Unit price',
          numeric: true,
          cell: (tier) => <UnitPrice price={tier.unit_price} currency={currency} />,
        },
        {
          header: 'Flat fee',
          numeric: true,
          cell: (tier) => <Money amount={tier.flat_fee} currency={currency} />,
        },
        {
          header: 'Amount',
          numeric: true,
          cell: (tier) => <Money amount={tier.amount} currency={currency} />,
        },
      ]}
      rows={line.detail}
      rowKey={(tier) => tier.tier}
    />
  );
}

export interface ExplainedLine {
  line: InvoiceLine;
  currency: string;
  /** The credits the invoice applied: they lower the invoice as a whole, not one line. */
  credits: CreditApplication[];
}

/** A line's quantity, empty for a line without one (a fixed fee, a true-up). */
export const QUANTITY_COLUMN: Column<InvoiceLine> = {
  header: 'Quantity',
  numeric: true,
  cell: (line) => line.quantity !== null && <Quantity value={line.quantity} />,
};

/** The columns a table of an invoice's lines ends with: the amount, and its "Why?". */
export function explainedAmountColumns(
  invoice: { currency: string; credit_applications: CreditApplication[] },
  onExplain: (explained: ExplainedLine) => void,
): Column<InvoiceLine>[] {
  return [
    {
      header: 'Amount',
      numeric: true,
      cell: (line) => <Money amount={line.amount} currency={invoice.currency} />,
    },
    {
      header: 'Explanation',
      headerHidden: true,
      cell: (line) => <ExplainLineButton line={line} invoice={invoice} onExplain={onExplain} />,
    },
  ];
}

/** The "Why?" of a line in a table of lines: opens the line's explanation. */
export function ExplainLineButton({
  line,
  invoice,
  onExplain,
}: {
  line: InvoiceLine;
  invoice: { currency: string; credit_applications: CreditApplication[] };
  onExplain: (explained: ExplainedLine) => void;
}) {
  return (
    <button
      type="button"
      className="button button--quiet"
      aria-label={`Why ${line.description}`}
      onClick={() =>
        onExplain({ line, currency: invoice.currency, credits: invoice.credit_applications })
      }
    >
      Why?
    </button>
  );
}

/** "Why this amount": one invoice line taken apart, in a drawer over the bill run. */
export function LineExplanationDrawer({
  explained,
  onClose,
}: {
  explained: ExplainedLine | null;
  onClose: () => void;
}) {
  return (
    <Drawer title="Why this amount" isOpen={explained !== null} onClose={onClose}>
      {explained && (
        <>
          <section aria-labelledby="line-heading">
            <h3 id="line-heading">{explained.line.description}</h3>
            <p className="muted">
              {KIND_NAMES[explained.line.kind]} for {explained.line.period}:{' '}
              <strong>
                <Money amount={explained.line.amount} currency={explained.currency} />
              </strong>
            </p>
            <LineFacts line={explained.line} currency={explained.currency} />
            {explained.line.explanation.note && <p>{explained.line.explanation.note}</p>}
          </section>
          {explained.line.detail.length > 0 && (
            <section>
              <TierTable line={explained.line} currency={explained.currency} />
            </section>
          )}
          <section aria-labelledby="credits-heading">
            <h3 id="credits-heading">Credits applied to this invoice</h3>
            <DataTable
              empty="No credit was applied to this invoice."
              columns={[
                { header: 'Credit', cell: (credit) => credit.credit },
                { header: 'Kind', cell: (credit) => CREDIT_KIND_NAMES[credit.kind] ?? credit.kind },
                {
                  header: 'Applied',
                  numeric: true,
                  cell: (credit) => <Money amount={credit.amount} currency={explained.currency} />,
                },
              ]}
              rows={explained.credits}
              rowKey={(credit) => credit.credit}
            />
          </section>
        </>
      )}
    </Drawer>
  );
}
