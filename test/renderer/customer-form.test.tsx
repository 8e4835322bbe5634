import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

class ApiError extends Error {}
const addCustomer = vi.fn();
const editCustomer = vi.fn();
vi.mock('../../src-renderer/api', () => ({ api: { addCustomer, editCustomer }, ApiError }));

const { CustomerForm } = await import('../../src-renderer/features/customers/CustomerForm');

const type = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
const leave = (label: string) => fireEvent.blur(screen.getByLabelText(label));

describe('the customer form', () => {
  it("says what the bundle's schema says, beside the field, once the field is left", () => {
    render(<CustomerForm onSaved={() => {}} onCancel={() => {}} />);
    type('Currency', 'dollars');
    // Not while the clerk is still typing in it.
    expect(screen.queryByRole('alert')).toBeNull();
    leave('Currency');
    const currency = screen.getByLabelText('Currency');
    expect(currency).toHaveAttribute('aria-invalid', 'true');
    expect(currency).toHaveAccessibleDescription(
      'Currency must be an ISO 4217 currency code such as "USD". ISO 4217 code; invoices and credits are in it.',
    );
    type('Currency', 'eur');
    expect(currency).not.toHaveAttribute('aria-invalid');

    type('Tax rate (%)', '120');
    leave('Tax rate (%)');
    expect(screen.getByRole('alert')).toHaveTextContent('Tax rate (%) must be between 0 and 100.');

    // Saving checks every field, untouched ones too, and sends nothing while one is wrong.
    fireEvent.click(screen.getByRole('button', { name: 'Add customer' }));
    expect(screen.getByLabelText('Customer id')).toHaveAttribute('aria-invalid', 'true');
    expect(addCustomer).not.toHaveBeenCalled();
  });

  it("sends the customer as a bundle holds it, and shows the desk's refusal beside its field", async () => {
    addCustomer.mockRejectedValueOnce(
      new ApiError(
        "Customer 'zed', external_ids[0]: 'org_acme' already belongs to customer 'acme'; nothing was changed.",
      ),
    );
    const onSaved = vi.fn();
    render(<CustomerForm onSaved={onSaved} onCancel={() => {}} />);
    type('Legal name', 'Zed Ltd');
    type('Customer id', 'zed');
    type('Currency', 'gbp');
    type('External ids', 'org_acme, org_zed');
    type('Address', '1 High Street\n\nLondon');
    fireEvent.click(screen.getByRole('button', { name: 'Add customer' }));

    const refusal = await screen.findByRole('alert');
    expect(refusal).toHaveTextContent("'org_acme' already belongs to customer 'acme'");
    expect(screen.getByLabelText('External ids')).toHaveAttribute('aria-invalid', 'true');
    expect(addCustomer).toHaveBeenCalledWith({
      id: 'zed',
      name: 'Zed Ltd',
      currency: 'GBP',
      external_ids: ['org_acme', 'org_zed'],
      email: [],
      address: ['1 High Street', 'London'],
      tax_id: '',
      tax_rate: '0',
      tax_label: '',
      tax_exempt: null,
    });
    // Fixing the field clears the refusal.
    type('External ids', 'org_zed');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('edits a customer without touching the id', async () => {
    const customer = {
      id: 'acme',
      name: 'Acme Corp',
      currency: 'USD',
      external_ids: ['org_acme'],
      email: ['billing@acme.example'],
      address: [],
      tax_id: '',
      tax_rate: '0',
      tax_label: '',
      tax_exempt: null,
    };
    editCustomer.mockResolvedValueOnce({ ...customer, name: 'Acme Corporation' });
    const onSaved = vi.fn();
    render(<CustomerForm customer={customer} onSaved={onSaved} onCancel={() => {}} />);
    expect(screen.getByLabelText('Customer id')).toBeDisabled();
    type('Legal name', 'Acme Corporation');
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await vi.waitFor(() => expect(onSaved).toHaveBeenCalled());
    const [{ customer: id, changes }] = editCustomer.mock.calls[0] as [
      { customer: string; changes: Record<string, unknown> },
    ];
    expect(id).toBe('acme');
    expect(changes).not.toHaveProperty('id');
    expect(changes).toMatchObject({ name: 'Acme Corporation', email: ['billing@acme.example'] });
  });
});
