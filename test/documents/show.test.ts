import { describe, expect, it } from 'vitest';
import type { ShownInvoice } from '../../src-main/services/documents';
import { cli } from '../support/cli';
import { documentBookFolder } from '../support/document-store';

describe('show', () => {
  it('prints an invoice as a person reads it', async () => {
    const data = await documentBookFolder();
    const run = await cli(['show', 'INV-2026-00001', '--as-of', '2026-11-25', '--data', data]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const text = run.stdout;
    expect(text).toMatch(/^INVOICE INV-2026-00001\n/);
    expect(text).toMatch(
      /From\s+Bill to\nNexus Engine GmbH\s+Zoë Müller GmbH\nFriedrichstraße 12\s+Søndergade 5/,
    );
    expect(text).toMatch(
      /Issue date\s+Nov 1, 2026\nDue date\s+Dec 1, 2026\nPeriod\s+2026-10\nPayment terms\s+Net 30 days/,
    );
    expect(text).toMatch(/Status\s+Partially paid/);
    expect(text).toMatch(/Région 1 — Datenübertragung\s+1,000\s+€1,234\.50/);
    expect(text).toMatch(/ {2}Used 1,000\n/);
    expect(text).toMatch(/ {2}Tier 2\s+400\s+€0\.0125\s+€5\.00/);
    expect(text).toMatch(
      /Subtotal\s+€1,234\.50\n\s+USt\. \(19%\)\s+€234\.56\n\s+Total\s+€1,469\.06\n\s+Amount paid\s+-€100\.00\n\s+Balance due\s+€1,369\.06/,
    );
    expect(text).toMatch(
      /Payments:\nDATE\s+METHOD\s+REFERENCE\s+AMOUNT\nNov 20, 2026\s+Wire transfer\s+W-77\s+€100\.00/,
    );
    expect(text).toContain('Emails: none sent.');
    expect(text).toContain('IBAN: DE89 3704 0044 0532 0130 00');
  });

  it('says a void invoice owes nothing', async () => {
    const data = await documentBookFolder();
    const run = await cli(['show', 'INV-2026-00003', '--data', data]);
    expect(run.stdout).toMatch(/^INVOICE INV-2026-00003 {3}\*\*\* VOID \*\*\*/);
    expect(run.stdout).toMatch(/Balance due\s+€0\.00/);
    expect(run.stdout).toContain('Tax exempt: Reverse charge');
    expect(run.stdout).toContain('This invoice was voided on Nov 5, 2026; nothing is owed on it.');
  });

  it('shows a draft by its id, in the seller locale', async () => {
    const data = await documentBookFolder((book) => (book.settings.locale = 'de-DE'));
    const run = await cli(['show', 'inv_zoe-main_2026-11_1', '--data', data]);
    expect(run.stdout).toContain('*** DRAFT ***');
    expect(run.stdout).toMatch(/Balance due\s+100,00\s€/u);
  });

  it('prints the invoice and what was recorded against it as JSON', async () => {
    const data = await documentBookFolder();
    const run = await cli(['show', 'INV-2026-00002', '--json', '--data', data]);
    const shown = JSON.parse(run.stdout) as Omit<ShownInvoice, 'document'>;
    expect(shown.invoice).toMatchObject({
      number: 'INV-2026-00002',
      total: '176.00',
      credited: '40.00',
      balance_due: '136.00',
    });
    expect(shown.credit_notes.map((note) => note.number)).toEqual(['CN-2026-00001']);
    expect(shown.payments).toEqual([]);
    expect(shown.email_records).toEqual([]);
    expect(shown).not.toHaveProperty('document');
  });

  it('refuses an unknown invoice with one sentence', async () => {
    const data = await documentBookFolder();
    expect(await cli(['show', 'INV-1999-00001', '--data', data])).toMatchObject({
      code: 1,
      stdout: '',
      stderr: "There is no invoice 'INV-1999-00001'.\n",
    });
  });
});
