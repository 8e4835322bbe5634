import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';

class ApiError extends Error {}
const invoiceRow = {
  id: 'inv_1',
  number: 'INV-2026-00001',
  customer_name: 'Acme Corp',
  currency: 'USD',
  balance_due: '1104.50',
};
const listInvoices = vi.fn(({ status }: { status: string }) =>
  Promise.resolve({ invoices: status === 'open' ? [invoiceRow] : [] }),
);
const recordPayment = vi.fn();
vi.mock('../../src-renderer/api', () => ({ api: { listInvoices, recordPayment }, ApiError }));

const { useSession } = await import('../../src-renderer/app/session');
const { RecordPayment } = await import('../../src-renderer/features/payments/RecordPayment');

function setup() {
  useSession.setState({
    locale: 'en-US',
    overview: { today: '2026-12-04' } as ReturnType<typeof useSession.getState>['overview'],
  });
  const onRecorded = vi.fn();
  render(<RecordPayment onRecorded={onRecorded} />);
  return { onRecorded };
}

describe('recording a payment from the Payments screen', () => {
  it('takes the payment for the invoice chosen, balance due offered, and says what it did', async () => {
    recordPayment.mockResolvedValueOnce({
      payment: { id: 'pay_1', amount: '1104.50', method: 'wire', date: '2026-12-04' },
      invoice: { number: 'INV-2026-00001', status: 'paid', balance_due: '0.00' },
      overpayment_credit: null,
      duplicate: false,
    });
    const { onRecorded } = setup();
    expect(screen.queryByLabelText('Amount received')).toBeNull();
    await userEvent.selectOptions(
      await screen.findByRole('combobox', { name: 'Invoice' }),
      'INV-2026-00001',
    );
    expect(screen.getByLabelText('Amount received')).toHaveValue('1104.50');
    await userEvent.click(screen.getByRole('button', { name: 'Record payment' }));
    expect(recordPayment).toHaveBeenCalledWith(
      expect.objectContaining({
        invoice: 'INV-2026-00001',
        amount: '1104.50',
        method: 'wire',
        date: '2026-12-04',
      }),
    );
    expect(await screen.findByRole('status')).toHaveTextContent(
      'INV-2026-00001 is paid, balance due $0.00.',
    );
    expect(onRecorded).toHaveBeenCalledOnce();
  });

  it('keeps the form and shows the desk’s refusal beside its field', async () => {
    const message = 'The payment date 2026-10-01 is before its issue date 2026-11-30.';
    recordPayment.mockRejectedValueOnce(new ApiError(message));
    const { onRecorded } = setup();
    await userEvent.selectOptions(
      await screen.findByRole('combobox', { name: 'Invoice' }),
      'INV-2026-00001',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Record payment' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(message);
    expect(screen.getByLabelText('Received on')).toHaveAccessibleDescription(message);
    expect(onRecorded).not.toHaveBeenCalled();
  });
});
