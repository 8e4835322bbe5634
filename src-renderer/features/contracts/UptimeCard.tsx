import { useState } from 'react';
import { Money } from '../../ui/Money';
import { Section } from '../../ui/Section';
import { TextField } from '../../ui/TextField';
import { useContractChange, type UptimeResult } from './store';

function UptimeOutcome({ result }: { result: UptimeResult }) {
  const { uptime, credit, replaced } = result;
  return (
    <div className="notice notice--success" role="status">
      <p>
        Recorded {uptime.uptime_percent}% uptime of contract {uptime.contract} for {uptime.period}.{' '}
        {credit ? (
          <>
            It earns SLA credit <code>{credit.id}</code> of{' '}
            <Money amount={credit.amount} currency={credit.currency} />, for the next invoice.
          </>
        ) : (
          'It is within the SLA: no credit is due.'
        )}
      </p>
      {replaced && (
        <p>
          It replaced the {replaced.uptime_percent}% recorded before
          {replaced.credit ? (
            <>
              {' '}
              and the credit of{' '}
              <Money amount={replaced.credit.amount} currency={replaced.credit.currency} /> it had
              earned
            </>
          ) : (
            ', which had earned no credit'
          )}
          .
        </p>
      )}
    </div>
  );
}

/** Recording a month's measured uptime of a contract, and the SLA credit it earns. */
export function UptimeCard({
  contracts,
  period,
}: {
  /** The contracts to choose from (one: no choice shown). */
  contracts: readonly string[];
  period: string;
}) {
  const { uptime, uptimeError, recordUptime } = useContractChange();
  const [contract, setContract] = useState(contracts[0] ?? '');
  const [month, setMonth] = useState(period);
  const [percent, setPercent] = useState('');
  return (
    <Section title="SLA uptime">
      <p className="muted">
        A month's measured uptime; below the plan's SLA it earns the customer a credit on their next
        invoice. Recording a month again replaces its figure and its credit.
      </p>
      <form
        className="toolbar"
        onSubmit={(event) => {
          event.preventDefault();
          void recordUptime(contract, month, percent.trim());
        }}
      >
        {contracts.length > 1 && (
          <TextField label="Contract" value={contract} onChange={setContract}>
            {contracts.map((id) => (
              <option key={id} value={id}>
                {id}
              </option>
            ))}
          </TextField>
        )}
        <TextField label="Month" type="month" value={month} onChange={setMonth} />
        <TextField label="Uptime (%)" value={percent} onChange={setPercent} error={uptimeError} />
        <button type="submit" className="button" disabled={percent.trim() === '' || !contract}>
          Record uptime
        </button>
      </form>
      {uptime && <UptimeOutcome result={uptime} />}
    </Section>
  );
}
