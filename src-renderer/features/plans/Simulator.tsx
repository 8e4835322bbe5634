import { useId, useState } from 'react';
import { lastClosedPeriod, useSession } from '../../app/session';
import { ErrorNote } from '../../ui/ErrorNote';
import { PeriodField } from '../../ui/PeriodField';
import { SimulationResult } from './SimulationResult';
import { usePlanEditor } from './store';

/**
 * The price simulator: a customer's real usage of a period re-rated under the plan as
 * it is being edited, against what the customer's own plan bills for it.
 */
export function Simulator({ canRun }: { canRun: boolean }) {
  const overview = useSession((session) => session.overview);
  const draft = usePlanEditor((state) => state.draft);
  const editing = usePlanEditor((state) => state.editing);
  const simulation = usePlanEditor((state) => state.simulation);
  const simulating = usePlanEditor((state) => state.simulating);
  const error = usePlanEditor((state) => state.simulationError);
  const simulate = usePlanEditor((state) => state.simulate);
  const ids = { customer: useId(), contract: useId() };

  const customers = (overview?.customers ?? []).filter(
    (customer) => customer.currency === draft?.currency,
  );
  const onThisPlan = overview?.contracts.find((contract) => contract.plan === editing);
  const [customer, setCustomer] = useState(onThisPlan?.customer ?? customers[0]?.id ?? '');
  const [contract, setContract] = useState(onThisPlan?.id ?? '');
  const [period, setPeriod] = useState(lastClosedPeriod(overview?.today ?? '2026-01-01'));
  const contracts = (overview?.contracts ?? []).filter((entry) => entry.customer === customer);

  return (
    <section className="card" aria-labelledby="simulator-title">
      <h2 id="simulator-title" className="card__title">
        Price simulator
      </h2>
      <p className="field__hint">
        Re-rate a customer's real usage of a period under this plan as it stands in the editor
        (saved or not) and compare it, line by line, with what the customer's own plan bills.
        Nothing is billed or saved.
      </p>
      <form
        className="toolbar"
        onSubmit={(event) => {
          event.preventDefault();
          void simulate({ customer, contract: contract || null, period });
        }}
      >
        <div className="field">
          <label htmlFor={ids.customer}>Customer</label>
          <select
            id={ids.customer}
            value={customer}
            onChange={(event) => {
              setCustomer(event.target.value);
              setContract('');
            }}
          >
            {customers.map((entry) => (
              <option key={entry.id} value={entry.id}>
                {entry.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.contract}>Contract</label>
          <select
            id={ids.contract}
            value={contract}
            onChange={(event) => setContract(event.target.value)}
          >
            <option value="">The one active in the period</option>
            {contracts.map((entry) => (
              <option key={entry.id} value={entry.id}>
                {entry.id} ({entry.plan})
              </option>
            ))}
          </select>
        </div>
        <PeriodField label="Period" value={period} onChange={setPeriod} />
        <button
          type="submit"
          className="button button--primary"
          disabled={!canRun || simulating || customer === ''}
        >
          {simulating ? 'Simulating…' : 'Simulate'}
        </button>
      </form>
      {!canRun && <p className="field__hint">Fix the plan's problems to simulate it.</p>}
      {customers.length === 0 && (
        <p className="field__hint">No customer is billed in {draft?.currency} yet.</p>
      )}
      <ErrorNote message={error} />
      {simulation && <SimulationResult simulation={simulation} />}
    </section>
  );
}
