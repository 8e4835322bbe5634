import { useId } from 'react';
import type { Tier } from '../../../src-main/domain/model';
import type { DraftProblems } from './planDraft';
import { addTier, removeTier, setTierPrice, setTierUpTo, tierFrom } from './planDraft';
import { Quantity } from '../../ui/Money';

interface TierTableProps {
  tiers: readonly Tier[];
  currency: string;
  /** Where the tiers are in the plan (`charges[0].tiers`): the key of their problems. */
  path: string;
  problems: DraftProblems;
  onChange: (tiers: Tier[]) => void;
}

/**
 * The tiers of a graduated or volume charge: From follows the previous tier's To, To
 * is typed (the last tier has none: ∞), and each tier has a unit price and a flat fee.
 */
export function TierTable({ tiers, currency, path, problems, onChange }: TierTableProps) {
  return (
    <div className="stack">
      <table className="table table--compact tier-table">
        <caption className="visually-hidden">Tiers</caption>
        <thead>
          <tr>
            <th scope="col">Tier</th>
            <th scope="col" className="num">
              From
            </th>
            <th scope="col">To</th>
            <th scope="col">Unit price ({currency})</th>
            <th scope="col">Flat fee ({currency})</th>
            <th scope="col">
              <span className="visually-hidden">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tiers.map((tier, index) => {
            const last = index === tiers.length - 1;
            const at = `${path}[${index}]`;
            const from = tierFrom(tiers, index);
            const row = `tier ${index + 1}`;
            return (
              <tr key={index}>
                <th scope="row">{index + 1}</th>
                <td className="num" aria-label={`From, ${row}`}>
                  {/^\d+(\.\d+)?$/.test(from) ? <Quantity value={from} /> : '—'}
                </td>
                <td>
                  {last ? (
                    <span className="tier-table__open" aria-label={`To, ${row}: no upper bound`}>
                      ∞
                    </span>
                  ) : (
                    <TierCell
                      label={`To, ${row}`}
                      value={tier.up_to ?? ''}
                      error={problems.get(`${at}.up_to`)}
                      onChange={(value) => onChange(setTierUpTo(tiers, index, value))}
                    />
                  )}
                </td>
                <td>
                  <TierCell
                    label={`Unit price, ${row}`}
                    value={tier.unit_price}
                    error={problems.get(`${at}.unit_price`)}
                    onChange={(value) => onChange(setTierPrice(tiers, index, 'unit_price', value))}
                  />
                </td>
                <td>
                  <TierCell
                    label={`Flat fee, ${row}`}
                    value={tier.flat_fee}
                    error={problems.get(`${at}.flat_fee`)}
                    onChange={(value) => onChange(setTierPrice(tiers, index, 'flat_fee', value))}
                  />
                </td>
                <td className="num">
                  {tiers.length > 1 && (
                    <button
                      type="button"
                      className="button button--quiet"
                      aria-label={`Remove ${row}`}
                      onClick={() => onChange(removeTier(tiers, index))}
                    >
                      Remove
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="toolbar">
        <button type="button" className="button" onClick={() => onChange(addTier(tiers))}>
          Add tier
        </button>
        <p className="field__hint">
          A tier takes the units above From, up to and including To; the last tier has no upper
          bound.
        </p>
      </div>
    </div>
  );
}

function TierCell({
  label,
  value,
  error,
  onChange,
}: {
  label: string;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}) {
  const errorId = useId();
  return (
    <div className="tier-table__cell">
      <input
        aria-label={label}
        value={value}
        inputMode="decimal"
        autoComplete="off"
        className="plan-number"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(event) => onChange(event.target.value.trim())}
      />
      {error && (
        <p id={errorId} className="field__error">
          {label.split(',')[0]} {error}.
        </p>
      )}
    </div>
  );
}
