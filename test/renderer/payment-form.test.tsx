import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import {
  fieldOfRefusal,
  PaymentForm,
  type PaymentEntry,
} from '../../src-renderer/features/invoices/PaymentForm';

function setup(onRecord = vi.fn<(payment: PaymentEntry) => Promise<string | null>>()) {
  render(
    <PaymentForm
      currency="EUR"
      locale="de-DE"
      balanceDue="1234.50"
      customerName="Acme GmbH"
      today="2026-12-03"
      onRecord={onRecord}
    />,
  );
  return {
    onRecord,
    amount: screen.getByLabelText('Amount received'),
    submit: screen.getByRole('button', { name: 'Record payment' }),
  };
}

describe('PaymentForm', () => {
  it('offers the balance due and records what a German desk types, as an exact decimal', async () => {
    const onRecord = vi.fn(() => Promise.resolve(null));
    const { amount, submit } = setup(onRecord);
    await userEvent.clear(amount);
    await userEvent.type(amount, '1.000,25');
    await userEvent.selectOptions(screen.getByLabelText('Method'), 'Check');
    await userEvent.type(screen.getByLabelText('Bank reference'), ' CHK-7 ');
    await userEvent.click(submit);
    expect(onRecord).toHaveBeenCalledWith({
      amount: '1000.25',
      method: 'check',
      date: '2026-12-03',
      reference: 'CHK-7',
    });
  });

  it('offers the balance due written as the locale writes it, and records it as is', async () => {
    const onRecord = vi.fn(() => Promise.resolve(null));
    const { amount, submit } = setup(onRecord);
    expect(amount).toHaveValue('1234,50');
    await userEvent.click(submit);
    expect(onRecord).toHaveBeenCalledWith(expect.objectContaining({ amount: '1234.50' }));
  });

  it('warns that what is paid beyond the balance due becomes the customer’s credit', async () => {
    const { amount } = setup();
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
    await userEvent.clear(amount);
    await userEvent.type(amount, '1.300,00');
    expect(screen.getByRole('status')).toHaveTextContent(
      /€65.50 beyond the balance due becomes a credit of Acme GmbH/,
    );
    await userEvent.clear(amount);
    await userEvent.type(amount, '1234,50');
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('says what is wrong with the amount beside it and records nothing', async () => {
    const { onRecord, amount, submit } = setup();
    await userEvent.clear(amount);
    await userEvent.type(amount, '12,345');
    await userEvent.tab();
    expect(screen.getByRole('alert')).toHaveTextContent('EUR has at most 2 decimals.');
    expect(amount).toHaveAttribute('aria-invalid', 'true');
    expect(submit).toBeDisabled();
    await userEvent.click(submit);
    expect(onRecord).not.toHaveBeenCalled();
  });

  it('shows the desk’s refusal next to the field it is about', async () => {
    const message =
      'The payment date 2026-01-01 is before the issue date 2026-11-30; invoice INV-1 could not be paid then.';
    const { submit } = setup(vi.fn(() => Promise.resolve(message)));
    await userEvent.click(submit);
    const date = screen.getByLabelText('Received on');
    expect(await screen.findByRole('alert')).toHaveTextContent(message);
    expect(date).toHaveAttribute('aria-invalid', 'true');
    expect(date).toHaveAccessibleDescription(message);
  });

  it('asks for a date when the date is cleared', async () => {
    const { submit } = setup();
    await userEvent.clear(screen.getByLabelText('Received on'));
    expect(screen.getByRole('alert')).toHaveTextContent('Enter the date the money arrived.');
    expect(submit).toBeDisabled();
  });

  it('tells the fields of the desk’s refusals apart', () => {
    expect(fieldOfRefusal("The amount '-3' must be greater than 0.")).toBe('amount');
    expect(fieldOfRefusal('Invoice INV-1 is already paid (nothing is due).')).toBe('amount');
    expect(fieldOfRefusal('Invoice INV-1 is void; it takes no payment.')).toBe('form');
  });
});
