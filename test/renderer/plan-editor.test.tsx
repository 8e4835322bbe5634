/**
 * The plan editor in jsdom on a small book: the tier table (From follows To, ∞ on the
 * last tier, rows added and removed), the bundle's sentences beside the field as the
 * desk types, the calculator following the draft, a new plan added, and a refused
 * save's sentence.
 */
import { fireEvent, render, screen, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BookOverview } from '../../src-renderer/app/session';
import { meterSchema, planSchema } from '../../src-main/domain/model';

class ApiError extends Error {
  details: string[] = [];
}
/** What the desk answers a save with, and the saves asked for. */
let answer: () => Promise<unknown> = () => Promise.resolve();
const saves: unknown[] = [];
vi.mock('../../src-renderer/api', () => ({
  api: {
    editPlan: (request: unknown) => {
      saves.push(request);
      return answer();
    },
    addPlan: (request: { plan: unknown }) => {
      saves.push(request);
      return Promise.resolve(request.plan);
    },
    bookOverview: () => Promise.resolve(overviewAfterSave),
  },
  ApiError,
}));

const { PlanEditor } = await import('../../src-renderer/features/plans/PlanEditor');
const { useSession } = await import('../../src-renderer/app/session');

const GROWTH = planSchema.parse({
  code: 'growth',
  name: 'Growth',
  currency: 'USD',
  interval: 'month',
  base_fee: '100.00',
  charges: [
    {
      meter: 'api_calls',
      model: 'graduated',
      tiers: [
        { up_to: '1000', unit_price: '0.01' },
        { up_to: null, unit_price: '0.005' },
      ],
    },
  ],
});

function bookWith(plans: unknown[]): BookOverview {
  return {
    today: '2026-11-02',
    customers: [],
    contracts: [],
    plans,
    meters: [
      meterSchema.parse({ code: 'api_calls', name: 'API calls', unit: 'call', aggregation: 'sum' }),
    ],
  } as unknown as BookOverview;
}
/** The book the editor reloads after adding a plan. */
let overviewAfterSave = bookWith([GROWTH]);

function openEditor(at = '/plans/growth') {
  useSession.setState({ locale: 'en-US', overview: bookWith([GROWTH]) });
  const router = createMemoryRouter(
    [
      { path: '/plans/new', element: <PlanEditor /> },
      { path: '/plans/:code', element: <PlanEditor /> },
    ],
    { initialEntries: [at] },
  );
  render(<RouterProvider router={router} />);
  return router;
}

const tierRows = () =>
  within(screen.getByRole('table', { name: 'Tiers' }))
    .getAllByRole('row')
    .slice(1);
const cellTexts = () =>
  tierRows().map((row) => [
    within(row).getByRole('rowheader').textContent,
    within(row).getByLabelText(/^From/).textContent,
    within(row).queryByRole('textbox', { name: /^To/ })?.getAttribute('value') ??
      within(row).getByLabelText(/no upper bound/).textContent,
  ]);
const type = (name: string, value: string) =>
  fireEvent.change(screen.getByRole('textbox', { name }), { target: { value } });
const total = () => screen.getByLabelText('Calculated total').textContent;

describe('the plan editor', () => {
  beforeEach(() => {
    saves.length = 0;
  });

  it('derives each From from the To before it and keeps ∞ on the last tier', () => {
    openEditor();
    expect(cellTexts()).toEqual([
      ['1', '0', '1000'],
      ['2', '1,000', '∞'],
    ]);

    type('To, tier 1', '5000');
    fireEvent.click(screen.getByRole('button', { name: 'Add tier' }));
    expect(cellTexts()).toEqual([
      ['1', '0', '5000'],
      ['2', '5,000', '50000'],
      ['3', '50,000', '∞'],
    ]);

    fireEvent.click(screen.getByRole('button', { name: 'Remove tier 3' }));
    expect(cellTexts()).toEqual([
      ['1', '0', '5000'],
      ['2', '5,000', '∞'],
    ]);
  });

  it("shows the bundle's sentence beside the field as the desk types, and saves nothing meanwhile", () => {
    openEditor();
    type('To, tier 1', '12abc');
    expect(screen.getByRole('textbox', { name: 'To, tier 1' })).toHaveAccessibleDescription(
      'To must be a decimal string such as "12.50".',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Add tier' }));
    type('To, tier 1', '5000');
    type('To, tier 2', '4000');
    expect(screen.getByRole('textbox', { name: 'To, tier 2' })).toHaveAccessibleDescription(
      "To must be greater than the previous tier's 5000.",
    );
    expect(screen.getByRole('button', { name: 'Save plan' })).toBeDisabled();
    expect(screen.getByRole('status')).toHaveTextContent(
      'The calculator waits until the plan has no problems.',
    );
  });

  it('prices typed usage with the bill run’s code and follows the draft', () => {
    openEditor();
    type('API calls (call)', 'lots');
    expect(screen.getByRole('textbox', { name: 'API calls (call)' })).toHaveAccessibleDescription(
      'API calls (call) is not a quantity such as 1200000, 1.2M or 250k.',
    );
    expect(total()).toBe('$100.00');
    type('API calls (call)', '1.2M');
    // 100 base fee + 1,000 × 0.01 + 1,199,000 × 0.005
    expect(total()).toBe('$6,105.00');
    expect(screen.getByText(/Tier 2:/)).toHaveTextContent('Tier 2: 1,199,000 × $0.005 = $5,995.00');

    type('Unit price, tier 2', '0.004');
    expect(total()).toBe('$4,906.00');
    type('Flat fee, tier 2', '25');
    expect(total()).toBe('$4,931.00');
  });

  it('adds a new plan, then edits it at its own address', async () => {
    const router = openEditor('/plans/new');
    expect(screen.getByRole('button', { name: 'Add plan' })).toBeDisabled();
    type('Code', 'scale');
    type('Name', 'Scale');
    type('Base fee', '250');
    fireEvent.click(screen.getByRole('button', { name: 'Add charge' }));
    type('Unit price', '0.002');
    const scale = planSchema.parse({
      code: 'scale',
      name: 'Scale',
      currency: 'USD',
      interval: 'month',
      base_fee: '250',
      charges: [{ meter: 'api_calls', model: 'per_unit', unit_price: '0.002' }],
    });
    overviewAfterSave = bookWith([GROWTH, scale]);
    fireEvent.click(screen.getByRole('button', { name: 'Add plan' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Scale' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/plans/scale');
    expect(saves).toEqual([{ plan: scale }]);
    expect(screen.getByRole('button', { name: 'Save plan' })).toBeEnabled();
  });

  it("shows the desk's sentence when the book refuses the save", async () => {
    openEditor();
    const refusal =
      "Plan 'growth' cannot change its charges: invoice INV-2026-00001 bills by it. Create a new plan and change the contracts to it.";
    answer = () => Promise.reject(new ApiError(refusal));
    type('Unit price, tier 2', '0.004');
    fireEvent.click(screen.getByRole('button', { name: 'Save plan' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(refusal);
    const [request] = saves as [{ code: string; plan: typeof GROWTH }];
    expect(request.code).toBe('growth');
    expect(request.plan.charges[0]).toMatchObject({
      tiers: [{ up_to: '1000' }, { up_to: null, unit_price: '0.004' }],
    });
  });
});
