import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it, vi } from 'vitest';

// The frame asks the desk for the open book; here the desk is a stand-in.
vi.mock('../../src-renderer/api', () => ({
  api: {
    bookOverview: () =>
      Promise.resolve({ demo: true, empty: false, today: '2026-12-03', customers: [] }),
  },
  ApiError: class ApiError extends Error {},
}));

const { Layout } = await import('../../src-renderer/app/Layout');

const NAMES = [
  'Dashboard',
  'Customers',
  'Plans',
  'Usage',
  'Bill run',
  'Invoices',
  'Payments',
  'Credits',
  'Settings',
];

function renderFrame(path = '/') {
  const router = createMemoryRouter(
    [
      {
        path: '/',
        element: <Layout />,
        children: [
          { path: '*', element: <h1>Screen</h1> },
          { index: true, element: <h1>Home</h1> },
        ],
      },
    ],
    { initialEntries: [path] },
  );
  render(<RouterProvider router={router} />);
  return router;
}

describe('the frame', () => {
  it('names the nine screens, each with its shortcut announced, and says the book is demo data', async () => {
    renderFrame();
    const navigation = screen.getByRole('navigation', { name: 'Main' });
    const links = within(navigation).getAllByRole('link');
    expect(links.map((link) => link.textContent?.replace(/G [A-Z]$/, ''))).toEqual(NAMES);
    for (const name of NAMES) {
      expect(within(navigation).getByRole('link', { name })).toHaveAttribute(
        'aria-keyshortcuts',
        expect.stringMatching(/^G [A-Z]$/),
      );
    }
    expect(await screen.findByText('Demo data.')).toBeInTheDocument();
  });

  it('goes to a screen with G then its key, but not while typing in a field', async () => {
    const router = renderFrame();
    await userEvent.keyboard('gi');
    expect(router.state.location.pathname).toBe('/invoices');
    await userEvent.keyboard('gb');
    expect(router.state.location.pathname).toBe('/bill-run');
    expect(screen.getByRole('link', { name: 'Bill run' })).toHaveAttribute('aria-current', 'page');
  });

  it('opens the command palette with Ctrl+K and runs what is typed', async () => {
    const router = renderFrame();
    await userEvent.keyboard('{Control>}k{/Control}');
    const palette = screen.getByRole('dialog', { name: 'Command palette' });
    await userEvent.keyboard('usag');
    const options = within(palette).getAllByRole('menuitem');
    expect(options.map((option) => option.textContent)).toEqual(['Go to UsageG then U']);
    await userEvent.keyboard('{Enter}');
    expect(router.state.location.pathname).toBe('/usage');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    // Typing in the palette's field never counts as a shortcut.
    await userEvent.keyboard('{Control>}k{/Control}');
    await userEvent.keyboard('gi');
    expect(router.state.location.pathname).toBe('/usage');
  });
});
