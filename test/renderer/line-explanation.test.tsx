import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { InvoiceLine } from '../../src-main/domain/invoice';
import {
  LineExplanationDrawer,
  type ExplainedLine,
} from '../../src-renderer/features/bill-run/LineExplanation';

const graduated: InvoiceLine = {
  kind: 'usage',
  description: 'API calls — graduated',
  meter: 'api_calls',
  charge: 0,
  period: '2026-10',
  quantity: '1200000',
  unit_price: null,
  amount: '1450.00',
  detail: [
    { tier: 1, quantity: '1000000', unit_price: '0.001', flat_fee: '50', amount: '1050.00' },
    { tier: 2, quantity: '200000', unit_price: '0.002', flat_fee: '0', amount: '400.00' },
  ],
  explanation: {
    usage_quantity: '1300000',
    included: '100000',
    priced_quantity: '1200000',
    exact_amount: '1450',
  },
};

const prorated: InvoiceLine = {
  kind: 'base_fee',
  description: 'Growth — base fee (17/31 days)',
  meter: null,
  charge: null,
  period: '2026-10',
  quantity: '1',
  unit_price: '273.65',
  amount: '273.65',
  detail: [],
  explanation: {
    active_days: 17,
    period_days: 31,
    full_amount: '499.00',
    exact_amount: '273.6451612903225806',
  },
};

/** The drawer opened from a button, as the bill run opens it from a line. */
function Harness({ explained }: { explained: ExplainedLine }) {
  const [open, setOpen] = useState<ExplainedLine | null>(null);
  return (
    <>
      <button type="button" onClick={() => setOpen(explained)}>
        Explain {explained.line.description}
      </button>
      <LineExplanationDrawer explained={open} onClose={() => setOpen(null)} />
    </>
  );
}

describe('LineExplanationDrawer', () => {
  it("shows a graduated charge's tiers with this period's quantities and the included units", async () => {
    render(<Harness explained={{ line: graduated, currency: 'USD', credits: [] }} />);
    await userEvent.click(screen.getByRole('button', { name: /Explain API calls/ }));

    const dialog = screen.getByRole('dialog', { name: 'Why this amount' });
    const tiers = within(dialog).getByRole('table', {
      name: "Tiers with this period's quantities",
    });
    expect(
      within(tiers)
        .getAllByRole('columnheader')
        .map((header) => header.textContent),
    ).toEqual(['Tier', 'Units', 'Unit price', 'Flat fee', 'Amount']);
    const tierTwo = within(tiers).getByRole('row', { name: /Tier 2/ });
    expect(tierTwo).toHaveTextContent('200,000');
    expect(tierTwo).toHaveTextContent('$400.00');
    // A unit price keeps the decimals of the rate.
    expect(tierTwo).toHaveTextContent('$0.002');
    expect(within(tiers).getByRole('row', { name: /Tier 1/ })).toHaveTextContent('$50.00');

    expect(within(dialog).getByText('Included units').nextSibling).toHaveTextContent('100,000');
    expect(within(dialog).getByText('Usage this period').nextSibling).toHaveTextContent(
      '1,300,000',
    );
    expect(within(dialog).getByText('No credit was applied to this invoice.')).toBeInTheDocument();
    // The exact amount equals the rounded one: nothing to say about rounding.
    expect(within(dialog).queryByText('Exact amount before rounding')).not.toBeInTheDocument();
  });

  it('shows the proration days, the full fee, the exact amount and the credits the invoice applied', async () => {
    render(
      <Harness
        explained={{
          line: prorated,
          currency: 'EUR',
          credits: [
            { credit: 'sla-acme-2026-10', kind: 'sla', amount: '27.37' },
            { credit: 'prepaid-1', kind: 'prepaid', amount: '100.00' },
          ],
        }}
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: /Explain Growth/ }));
    const dialog = screen.getByRole('dialog', { name: 'Why this amount' });

    expect(within(dialog).getByText('Proration').nextSibling).toHaveTextContent(
      '17 of 31 days of the full fee of €499.00',
    );
    expect(within(dialog).getByText('Exact amount before rounding').nextSibling).toHaveTextContent(
      '273.6451612903225806 EUR',
    );
    expect(within(dialog).queryByRole('table', { name: /Tiers/ })).not.toBeInTheDocument();
    const credits = within(dialog).getByRole('row', { name: /sla-acme-2026-10/ });
    expect(credits).toHaveTextContent('SLA credit');
    expect(credits).toHaveTextContent('€27.37');
  });

  it('closes on Escape and gives focus back to what opened it', async () => {
    render(<Harness explained={{ line: prorated, currency: 'EUR', credits: [] }} />);
    const opener = screen.getByRole('button', { name: /Explain Growth/ });
    await userEvent.click(opener);
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await waitFor(() => expect(opener).toHaveFocus());
  });
});
