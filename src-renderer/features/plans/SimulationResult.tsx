import type { PriceSimulationView } from '../../../src-main/api/contract';
import { dec } from '../../../src-main/domain/money';
import { DataTable } from '../../ui/DataTable';
import { Money } from '../../ui/Money';
import { LineBreakdown } from './LineBreakdown';

/** A difference with its sign and its direction, so a rise never reads as a saving. */
function Difference({ amount, currency }: { amount: string; currency: string }) {
  const value = dec(amount);
  if (value.isZero()) return <span className="muted">No change</span>;
  const up = value.isPositive();
  return (
    <span className={up ? 'change--up' : 'change--down'}>
      {up ? '+' : '−'}
      <Money amount={value.abs().toFixed()} currency={currency} />
    </span>
  );
}

/**
 * The simulation, line by line: what the contract's own plan bills for the period's
 * real usage, what the plan being edited would bill, and the difference.
 */
export function SimulationResult({ simulation }: { simulation: PriceSimulationView }) {
  const { currency, current, proposed } = simulation;
  const money = (amount: string | undefined) =>
    amount === undefined ? (
      <span className="muted">—</span>
    ) : (
      <Money amount={amount} currency={currency} />
    );
  const samePlan = current.plan === proposed.plan;
  const proposedName = samePlan ? 'This draft' : `Plan ${proposed.plan}`;
  return (
    <div className="stack simulation">
      <p>
        Contract <strong>{simulation.contract}</strong>, usage of{' '}
        <strong>{simulation.period}</strong>: its plan <strong>{current.plan}</strong> against{' '}
        {samePlan ? 'the draft of it' : `plan ${proposed.plan}`}, before credits.{' '}
        {simulation.billed ? (
          <>
            Invoice {simulation.billed.invoice} ({simulation.billed.status}) billed{' '}
            {money(simulation.billed.total)}.
          </>
        ) : (
          <>The period has no invoice yet.</>
        )}
      </p>
      <DataTable
        caption="Simulation by line"
        captionHidden
        className="simulation__table"
        columns={[
          {
            header: 'Line',
            cell: (row) => (
              <>
                {row.description}
                {row.proposed && <LineBreakdown line={row.proposed} currency={currency} />}
              </>
            ),
          },
          { header: 'Current plan', numeric: true, cell: (row) => money(row.current?.amount) },
          { header: proposedName, numeric: true, cell: (row) => money(row.proposed?.amount) },
          {
            header: 'Difference',
            numeric: true,
            cell: (row) => <Difference amount={row.difference} currency={currency} />,
          },
        ]}
        rows={simulation.rows}
        rowKey={(_row, index) => index}
        footer={[
          ...(
            [
              ['Discount', `-${current.discount}`, `-${proposed.discount}`],
              ['Tax', current.tax, proposed.tax],
            ] as const
          )
            .filter(([, before, after]) => !dec(before).isZero() || !dec(after).isZero())
            .map(([header, before, after]) => ({
              header,
              cells: [money(before), money(after), null],
            })),
          {
            header: 'Total',
            className: 'simulation__total',
            cells: [
              money(current.total),
              money(proposed.total),
              {
                content: <Difference amount={simulation.difference} currency={currency} />,
                label: 'Total difference',
              },
            ],
          },
        ]}
      />
    </div>
  );
}
