import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { MoneyInput } from '../../src-renderer/ui/MoneyInput';

function setup(currency: string, locale: string) {
  const onChange = vi.fn<(amount: string | null) => void>();
  render(<MoneyInput label="Amount" currency={currency} locale={locale} onChange={onChange} />);
  return { onChange, input: screen.getByLabelText('Amount') };
}

describe('MoneyInput', () => {
  it('hands on what a German desk types as an exact decimal string', async () => {
    const { onChange, input } = setup('EUR', 'de-DE');
    await userEvent.type(input, '1.234,50');
    expect(onChange).toHaveBeenLastCalledWith('1234.50');
    expect(screen.getByText('€')).toBeInTheDocument();
  });

  it('keeps digits a float would lose', async () => {
    const { onChange, input } = setup('USD', 'en-US');
    await userEvent.type(input, '9,007,199,254,740,993.01');
    expect(onChange).toHaveBeenLastCalledWith('9007199254740993.01');
  });

  it('refuses more decimals than the currency has, once the field is left, and clears when fixed', async () => {
    const { onChange, input } = setup('JPY', 'en-US');
    await userEvent.type(input, '1200.5');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await userEvent.tab();
    expect(screen.getByRole('alert')).toHaveTextContent('JPY has no decimals.');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(onChange).toHaveBeenLastCalledWith(null);

    await userEvent.type(input, '{Backspace}{Backspace}');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(onChange).toHaveBeenLastCalledWith('1200');
  });

  it('allows three decimals in Bahraini dinar but not four', async () => {
    const { onChange, input } = setup('BHD', 'en-US');
    await userEvent.type(input, '10.125');
    expect(onChange).toHaveBeenLastCalledWith('10.125');
    await userEvent.type(input, '5');
    await userEvent.tab();
    expect(screen.getByRole('alert')).toHaveTextContent('BHD has at most 3 decimals.');
  });

  it('says what is wrong with text that is no amount, and with a negative one', async () => {
    const { input } = setup('USD', 'en-US');
    await userEvent.type(input, '12abc');
    await userEvent.tab();
    expect(screen.getByRole('alert')).toHaveTextContent(
      "'12abc' is not an amount such as 1,234.50.",
    );
    await userEvent.clear(input);
    await userEvent.type(input, '-5');
    await userEvent.tab();
    expect(screen.getByRole('alert')).toHaveTextContent('The amount must not be negative.');
  });

  it('shows an error from outside under the field', () => {
    render(
      <MoneyInput
        label="Amount"
        currency="USD"
        locale="en-US"
        onChange={() => {}}
        error="The payment is dated before the invoice was issued."
      />,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('dated before the invoice');
    expect(screen.getByLabelText('Amount')).toHaveAccessibleDescription(
      'The payment is dated before the invoice was issued.',
    );
  });
});
