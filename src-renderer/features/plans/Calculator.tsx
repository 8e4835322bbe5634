import { useState } from 'react';
import type { Meter, Plan } from '../../../src-main/domain/model';
import { useSession } from '../../app/session';
import { DataTable } from '../../ui/DataTable';
import { Money } from '../../ui/Money';
import { Field } from './Field';
import { parseQuantity, quote, type CalculatorInput } from './calculator';
import { LineBreakdown } from './LineBreakdown';
import type { DraftProblems } from './planDraft';

type Entries = Record<string, string>;

/**
 * "What would 1.2M API calls cost": quantities per meter typed in, the plan's price
 * and every line's breakdown, following the draft as it changes.
 */
export function Calculator({
  plan,
  meters,
  problems,
}: {
  plan: Plan;
  meters: readonly Meter[];
  problems: DraftProblems;
}) {
  const locale = useSession((session) => session.locale);
  const [quantities, setQuantities] = useState<Entries>({});
  const [transactions, setTransactions] = useState<Entries>({});
  const [reserved, setReserved] = useState<Entries>({});
  const charged = [...new Set(plan.charges.map((charge) => charge.meter))];
  const nameOf = (code: string) => meters.find((meter) => meter.code === code)?.name ?? code;
  const unitOf = (code: string) => meters.find((meter) => meter.code === code)?.unit ?? 'unit';

  const valid = (entries: Entries): Entries => {
    const values: Entries = {};
    for (const [meter, text] of Object.entries(entries)) {
      const value = parseQuantity(text, locale);
      if (value !== null) values[meter] = value;
    }
    return values;
  };
  /** The sentence for text that is no quantity; nothing for an empty field (it counts as 0). */
  const problem = (text: string | undefined) =>
    text !== undefined && text !== '' && parseQuantity(text, locale) === null
      ? 'is not a quantity such as 1200000, 1.2M or 250k'
      : undefined;
  const usage: CalculatorInput = {
    quantity: valid(quantities),
    transactions: valid(transactions),
    reserved: valid(reserved),
  };
  const result = problems.size === 0 ? quote(plan, meters, usage) : null;

  return (
    <section className="card calculator" aria-labelledby="calculator-title">
      <h2 id="calculator-title" className="card__title">
        Calculator
      </h2>
      <p className="field__hint">
        What one {plan.interval === 'year' ? 'year' : 'month'} of this plan costs for the usage you
        type (1.2M, 250k or 1,200,000), priced as the bill run prices it, before discount, tax and
        credits.
      </p>
      {charged.length > 0 && (
        <div className="calculator__inputs">
          {charged.map((meter) => (
            <Field
              numeric
              placeholder="0"
              key={meter}
              label={`${nameOf(meter)} (${unitOf(meter)})`}
              value={quantities[meter] ?? ''}
              error={problem(quantities[meter])}
              onChange={(text) => setQuantities({ ...quantities, [meter]: text })}
            />
          ))}
          {plan.charges
            .filter((charge) => charge.model === 'percentage')
            .map((charge) => (
              <Field
                numeric
                placeholder="0"
                key={`transactions-${charge.meter}`}
                label={`${nameOf(charge.meter)}: transaction amount (${plan.currency})`}
                value={transactions[charge.meter] ?? ''}
                error={problem(transactions[charge.meter])}
                onChange={(text) => setTransactions({ ...transactions, [charge.meter]: text })}
              />
            ))}
          {plan.charges
            .filter((charge) => charge.model === 'capacity')
            .map((charge) => (
              <Field
                numeric
                placeholder="0"
                key={`reserved-${charge.meter}`}
                label={`${nameOf(charge.meter)}: reserved`}
                value={reserved[charge.meter] ?? ''}
                error={problem(reserved[charge.meter])}
                onChange={(text) => setReserved({ ...reserved, [charge.meter]: text })}
              />
            ))}
        </div>
      )}
      {result === null ? (
        <p className="notice" role="status">
          The calculator waits until the plan has no problems.
        </p>
      ) : (
        <DataTable
          caption="Price"
          captionHidden
          modifiers={['compact']}
          className="calculator__result"
          columns={[
            {
              header: 'Line',
              cell: (line) => (
                <>
                  {line.description}
                  <LineBreakdown line={line} currency={plan.currency} />
                </>
              ),
            },
            {
              header: 'Amount',
              numeric: true,
              cell: (line) => <Money amount={line.amount} currency={plan.currency} />,
            },
          ]}
          rows={result.lines}
          rowKey={(_line, index) => index}
          footer={[
            {
              header: 'Total',
              cells: [
                {
                  content: <Money amount={result.total} currency={plan.currency} />,
                  label: 'Calculated total',
                  className: 'calculator__total',
                },
              ],
            },
          ]}
        />
      )}
    </section>
  );
}
