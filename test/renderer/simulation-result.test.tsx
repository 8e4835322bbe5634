/**
 * The simulator's answer on screen: every line under both plans with its difference,
 * signed and coloured by direction, the totals, and what the period was billed.
 */
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { PriceSimulationView } from '../../src-main/api/contract';
import type { InvoiceLine } from '../../src-main/domain/invoice';

vi.mock('../../src-renderer/api', () => ({ api: {}, ApiError: class extends Error {} }));
const { SimulationResult } = await import('../../src-renderer/features/plans/SimulationResult');
const { useSession } = await import('../../src-renderer/app/session');

function line(fields: Partial<InvoiceLine>): InvoiceLine {
  return {
    kind: 'usage',
    description: '',
    meter: 'api_calls',
    charge: 0,
    period: '2026-10',
    quantity: '120000',
    unit_price: null,
    amount: '0.00',
    detail: [],
    explanation: {},
    ...fields,
  };
}

const baseFee = line({
  kind: 'base_fee',
  description: 'Growth — base fee',
  meter: null,
  charge: null,
  quantity: '1',
  unit_price: '100.00',
  amount: '100.00',
});
const perUnit = line({
  description: 'API calls — per unit',
  unit_price: '0.01',
  amount: '1200.00',
  explanation: { usage_quantity: '120000', priced_quantity: '120000' },
});
const graduated = line({
  description: 'API calls — graduated',
  amount: '1000.00',
  detail: [
    { tier: 1, quantity: '100000', unit_price: '0.008', flat_fee: '0', amount: '800' },
    { tier: 2, quantity: '20000', unit_price: '0.005', flat_fee: '100', amount: '200' },
  ],
  explanation: { usage_quantity: '120000', priced_quantity: '120000' },
});
const payments = line({
  description: 'Payments — per unit',
  meter: 'payments',
  charge: 1,
  quantity: '50',
  unit_price: '0.25',
  amount: '12.50',
});

const SIMULATION: PriceSimulationView = {
  customer: 'acme',
  contract: 'c1',
  period: '2026-10',
  currency: 'USD',
  current: {
    plan: 'growth',
    lines: [baseFee, perUnit],
    subtotal: '1300.00',
    discount: '0',
    tax: '0',
    total: '1300.00',
  },
  proposed: {
    plan: 'growth',
    lines: [baseFee, graduated, payments],
    subtotal: '1112.50',
    discount: '0',
    tax: '0',
    total: '1112.50',
  },
  rows: [
    { description: 'Growth — base fee', current: baseFee, proposed: baseFee, difference: '0' },
    {
      description: 'API calls — graduated',
      current: perUnit,
      proposed: graduated,
      difference: '-200',
    },
    { description: 'Payments — per unit', current: null, proposed: payments, difference: '12.5' },
  ],
  difference: '-187.5',
  billed: { invoice: 'INV-2026-00001', status: 'open', total: '1300.00' },
};

describe('the simulation on screen', () => {
  it('shows each line under both plans with its signed difference, the totals and what was billed', () => {
    useSession.setState({ locale: 'en-US' });
    render(<SimulationResult simulation={SIMULATION} />);

    const table = screen.getByRole('table', { name: 'Simulation by line' });
    const rows = within(table)
      .getAllByRole('row')
      .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['Line', 'Current plan', 'This draft', 'Difference'],
      ['Growth — base fee', '$100.00', '$100.00', 'No change'],
      [
        'API calls — graduatedTier 1: 100,000 × $0.008 = $800.00Tier 2: 20,000 × $0.005 + $100.00 flat = $200.00',
        '$1,200.00',
        '$1,000.00',
        '−$200.00',
      ],
      ['Payments — per unit50 × $0.25', '—', '$12.50', '+$12.50'],
      ['Total', '$1,300.00', '$1,112.50', '−$187.50'],
    ]);
    expect(screen.getByLabelText('Total difference').firstElementChild).toHaveClass('change--down');
    expect(screen.getByText(/Invoice INV-2026-00001/)).toHaveTextContent(
      'Invoice INV-2026-00001 (open) billed $1,300.00.',
    );
  });

  it('names the other plan when the simulation is of another plan than the contract’s', () => {
    useSession.setState({ locale: 'de-DE' });
    render(
      <SimulationResult
        simulation={{
          ...SIMULATION,
          proposed: { ...SIMULATION.proposed, plan: 'growth-plus' },
          billed: null,
        }}
      />,
    );
    expect(screen.getByRole('columnheader', { name: 'Plan growth-plus' })).toBeInTheDocument();
    expect(screen.getByText(/The period has no invoice yet/)).toBeInTheDocument();
    expect(screen.getByLabelText('Total difference')).toHaveTextContent('−187,50 $');
  });
});
