import type { PriceSimulationView } from '../../../src-main/api/contract';
import { dec } from '../../../src-main/domain/money';
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
      <table className="table simulation__table" aria-label="Simulation by line">
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col" className="num">
              Current plan
            </th>
            <th scope="col" className="num">
              {proposedName}
            </th>
            <th scope="col" className="num">
              Difference
            </th>
          </tr>
        </thead>
        <tbody>
          {simulation.rows.map((row, index) => (
            <tr key={index}>
              <td>
                {row.description}
                {row.proposed && <LineBreakdown line={row.proposed} currency={currency} />}
              </td>
              <td className="num">{money(row.current?.amount)}</td>
              <td className="num">{money(row.proposed?.amount)}</td>
              <td className="num">
                <Difference amount={row.difference} currency={currency} />
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          {dec(current.discount).isZero() && dec(proposed.discount).isZero() ? null : (
            <tr>
              <th scope="row">Discount</th>
              <td className="num">{money(`-${current.discount}`)}</td>
              <td className="num">{money(`-${proposed.discount}`)}</td>
              <td />
            </tr>
          )}
          {dec(current.tax).isZero() && dec(proposed.tax).isZero() ? null : (
            <tr>
              <th scope="row">Tax</th>
              <td className="num">{money(current.tax)}</td>
              <td className="num">{money(proposed.tax)}</td>
              <td />
            </tr>
          )}
          <tr className="simulation__total">
            <th scope="row">Total</th>
            <td className="num">{money(current.total)}</td>
            <td className="num">{money(proposed.total)}</td>
            <td className="num" aria-label="Total difference">
              <Difference amount={simulation.difference} currency={currency} />
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
