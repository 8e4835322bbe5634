import { useId } from 'react';
import type { Charge, ChargeModel, Meter } from '../../../src-main/domain/model';
import { Field } from './Field';
import { CHARGE_MODELS, withModel, type DraftProblems } from './planDraft';
import { TierTable } from './TierTable';

interface ChargeEditorProps {
  charge: Charge;
  index: number;
  currency: string;
  meters: readonly Meter[];
  problems: DraftProblems;
  onChange: (charge: Charge) => void;
  onRemove: () => void;
}

/** One charge: its meter, its price model with that model's fields, its quota and overage. */
export function ChargeEditor({
  charge,
  index,
  currency,
  meters,
  problems,
  onChange,
  onRemove,
}: ChargeEditorProps) {
  const path = `charges[${index}]`;
  const problem = (field: string) => problems.get(`${path}.${field}`);
  const ids = { meter: useId(), model: useId(), overage: useId() };
  const model = CHARGE_MODELS.find((entry) => entry.model === charge.model);
  const meterName = meters.find((meter) => meter.code === charge.meter)?.name ?? charge.meter;
  const set = (fields: Partial<Record<string, string | null>>) =>
    onChange({ ...charge, ...fields });
  const optional = (value: string) => (value === '' ? null : value);

  return (
    <fieldset className="charge">
      <legend>
        Charge {index + 1}: {meterName}
      </legend>
      <button
        type="button"
        className="button button--quiet charge__remove"
        aria-label={`Remove charge ${index + 1}`}
        onClick={onRemove}
      >
        Remove charge
      </button>
      <div className="charge__row">
        <div className="field">
          <label htmlFor={ids.meter}>Meter</label>
          <select
            id={ids.meter}
            value={charge.meter}
            aria-invalid={problem('meter') ? true : undefined}
            onChange={(event) => onChange({ ...charge, meter: event.target.value })}
          >
            {meters.map((meter) => (
              <option key={meter.code} value={meter.code}>
                {meter.name} ({meter.aggregation})
              </option>
            ))}
          </select>
          {problem('meter') && <p className="field__error">Meter {problem('meter')}.</p>}
        </div>
        <div className="field">
          <label htmlFor={ids.model}>Price model</label>
          <select
            id={ids.model}
            value={charge.model}
            aria-describedby={`${ids.model}-explains`}
            onChange={(event) => onChange(withModel(charge, event.target.value as ChargeModel))}
          >
            {CHARGE_MODELS.map((entry) => (
              <option key={entry.model} value={entry.model}>
                {entry.label}
              </option>
            ))}
          </select>
          <p id={`${ids.model}-explains`} className="field__hint">
            {model?.explains}
          </p>
        </div>
        {charge.model !== 'percentage' && (
          <div className="field">
            <label htmlFor={ids.overage}>Over the quota</label>
            <select
              id={ids.overage}
              value={charge.overage}
              onChange={(event) =>
                onChange({ ...charge, overage: event.target.value as Charge['overage'] })
              }
            >
              <option value="bill">Bill the overage</option>
              <option value="block">Block (do not bill)</option>
            </select>
          </div>
        )}
      </div>

      <div className="charge__row">
        {charge.model === 'per_unit' && (
          <Field
            label="Unit price"
            numeric
            value={charge.unit_price}
            error={problem('unit_price')}
            onChange={(value) => set({ unit_price: value })}
          />
        )}
        {charge.model === 'package' && (
          <>
            <Field
              label="Package size"
              numeric
              value={charge.package_size}
              error={problem('package_size')}
              onChange={(value) => set({ package_size: value })}
            />
            <Field
              label="Package price"
              numeric
              value={charge.package_price}
              error={problem('package_price')}
              onChange={(value) => set({ package_price: value })}
            />
          </>
        )}
        {charge.model === 'percentage' && (
          <>
            <Field
              label="Rate (%)"
              numeric
              value={charge.rate}
              error={problem('rate')}
              onChange={(value) => set({ rate: value })}
            />
            <Field
              label="Fee per transaction"
              numeric
              value={charge.per_event_fee}
              error={problem('per_event_fee')}
              onChange={(value) => set({ per_event_fee: value })}
            />
          </>
        )}
        {charge.model === 'capacity' && (
          <>
            <Field
              label="Reserved unit price"
              numeric
              value={charge.reserved_unit_price}
              error={problem('reserved_unit_price')}
              hint="Billed each period for the contract's reservation."
              onChange={(value) => set({ reserved_unit_price: value })}
            />
            <Field
              label="Overage unit price"
              numeric
              value={charge.overage_unit_price}
              error={problem('overage_unit_price')}
              hint="For the peak above the reservation."
              onChange={(value) => set({ overage_unit_price: value })}
            />
          </>
        )}
        {charge.model !== 'capacity' && charge.model !== 'percentage' && (
          <Field
            label="Included units"
            numeric
            value={charge.included ?? ''}
            placeholder="None"
            error={problem('included')}
            hint="Free each period before the price applies."
            onChange={(value) => set({ included: optional(value) })}
          />
        )}
      </div>

      {(charge.model === 'graduated' || charge.model === 'volume') && (
        <TierTable
          tiers={charge.tiers}
          currency={currency}
          path={`${path}.tiers`}
          problems={problems}
          onChange={(tiers) => onChange({ ...charge, tiers })}
        />
      )}
      {problem('tiers') && <p className="field__error">Tiers {problem('tiers')}.</p>}
    </fieldset>
  );
}
