import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { ColumnMapper } from '../../src-renderer/features/usage/ColumnMapper';
import {
  initialChoice,
  mapOf,
  type ColumnChoice,
} from '../../src-renderer/features/usage/columnMapping';

/** The mapper as the wizard holds it, with the `map` the import would get shown. */
function Harness({ columns }: { columns: string[] }) {
  const [choice, setChoice] = useState<ColumnChoice>(() => initialChoice(columns));
  return (
    <>
      <ColumnMapper columns={columns} choice={choice} onChange={setChoice} />
      <output aria-label="map">{JSON.stringify(mapOf(choice))}</output>
    </>
  );
}

const map = () => JSON.parse(screen.getByLabelText('map').textContent ?? '') as unknown;

describe('ColumnMapper', () => {
  it('reads every field from the column of its name, and needs no map then', () => {
    render(
      <Harness columns={['event_id', 'customer', 'meter', 'quantity', 'timestamp', 'region']} />,
    );
    expect(screen.getByLabelText('Quantity')).toHaveValue('quantity');
    expect(screen.getByLabelText('Source (optional)')).toHaveValue('');
    expect(screen.queryByText(/Choose the column/)).not.toBeInTheDocument();
    expect(screen.getByText('Kept as properties of each event: region.')).toBeInTheDocument();
    expect(map()).toEqual({});
  });

  it('asks for a field no column is named after, beside that field, until one is chosen', async () => {
    render(<Harness columns={['id', 'customer', 'meter', 'units', 'timestamp', 'amount']} />);
    const eventId = screen.getByLabelText('Event id');
    expect(eventId).toHaveAccessibleDescription('Choose the column that holds the event_id.');
    expect(screen.getByLabelText('Quantity')).toHaveAttribute('aria-invalid', 'true');

    await userEvent.selectOptions(eventId, 'id');
    await userEvent.selectOptions(screen.getByLabelText('Quantity'), 'units');

    expect(screen.queryByText(/Choose the column/)).not.toBeInTheDocument();
    expect(map()).toEqual({ event_id: 'id', quantity: 'units' });
    expect(screen.getByText('Kept as properties of each event: amount.')).toBeInTheDocument();
  });

  it('refuses one column read as two fields, naming both', async () => {
    render(<Harness columns={['event_id', 'customer', 'meter', 'quantity', 'timestamp']} />);
    await userEvent.selectOptions(screen.getByLabelText('Source (optional)'), 'customer');
    expect(screen.getByLabelText('Source (optional)')).toHaveAccessibleDescription(
      "Column 'customer' is already read as customer.",
    );
    expect(screen.getByLabelText('Customer (external id)')).toHaveAccessibleDescription(
      "Column 'customer' is already read as source.",
    );
    await userEvent.selectOptions(screen.getByLabelText('Source (optional)'), '');
    expect(screen.getByLabelText('Customer (external id)')).not.toHaveAttribute('aria-invalid');
  });

  it('offers every column of the file for every field', () => {
    const columns = ['a', 'b', 'c'];
    render(<Harness columns={columns} />);
    const options = within(screen.getByLabelText('Meter')).getAllByRole('option');
    expect(options.map((option) => option.textContent)).toEqual(['Choose a column…', ...columns]);
  });
});
