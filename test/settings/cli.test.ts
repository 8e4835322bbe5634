import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli';
import { openInvoicesFolder } from '../support/payment-books';
import { pdfText } from '../support/pdf';

/** `statement` of acme for November 2026 from the book in `data`, written to `out`. */
const acmeNovemberStatement = (data: string, out: string) =>
  cli([
    'statement',
    '--customer',
    'acme',
    '--from',
    '2026-11-01',
    '--to',
    '2026-11-30',
    '--out',
    out,
    '--data',
    data,
  ]);

describe('nexus-billing statement', () => {
  it('writes the customer statement as a PDF and says what it owes', async () => {
    const data = await openInvoicesFolder();
    const pay = await cli([
      'pay',
      '--invoice',
      'INV-2026-00001',
      '--amount',
      '40.00',
      '--method',
      'wire',
      '--date',
      '2026-11-10',
      '--data',
      data,
    ]);
    expect(pay.stderr).toBe('');
    const out = join(dirname(data), 'acme.pdf');
    const run = await acmeNovemberStatement(data, out);
    expect(run).toEqual({
      code: 0,
      stdout: `Wrote the statement of acme from 2026-11-01 to 2026-11-30 to ${out}.\n  USD: opening 0.00, closing 62.50\n`,
      stderr: '',
    });
    const text = await pdfText(out);
    expect(text).toContain('Nov 10, 2026 · Payment pay_1');
    expect(text).toMatch(/Closing balance\s+\$62\.50/);

    const again = await acmeNovemberStatement(data, out);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists.*--force/);
  });

  it('refuses a statement into the data folder and a missing option, in one sentence', async () => {
    const data = await openInvoicesFolder();
    const inside = await acmeNovemberStatement(data, join(data, 'x.pdf'));
    expect(inside.code).toBe(1);
    expect(inside.stderr.trim().split('\n')).toHaveLength(1);
    expect(inside.stderr).toContain('data folder');
    const missing = await cli([
      'statement',
      '--customer',
      'acme',
      '--from',
      '2026-11-01',
      '--data',
      data,
    ]);
    expect(missing.code).toBe(2);
  });
});

describe('nexus-billing settings', () => {
  it('shows the settings and sets one by name or several from a file, logged as from the CLI', async () => {
    const data = await openInvoicesFolder();
    const set = await cli(['settings', 'set', 'seller.name', 'Nordlicht GmbH', '--data', data]);
    expect(set).toEqual({ code: 0, stdout: 'Saved the settings (seller.name).\n', stderr: '' });
    const file = join(dirname(data), 'settings.json');
    await writeFile(file, JSON.stringify({ payment_terms_days: 14, page_size: 'Letter' }));
    expect((await cli(['settings', 'set', '--file', file, '--data', data])).code).toBe(0);

    const shown = JSON.parse((await cli(['settings', '--json', '--data', data])).stdout) as {
      seller: { name: string };
      payment_terms_days: number;
      page_size: string;
    };
    expect(shown).toMatchObject({
      seller: { name: 'Nordlicht GmbH' },
      payment_terms_days: 14,
      page_size: 'Letter',
    });
    expect((await cli(['settings', 'show', '--data', data])).stdout).toContain(
      'payment_terms_days: 14',
    );
    const activity = await cli(['activity', '--json', '--data', data]);
    expect(activity.stdout).toContain('settings.update');
    expect(await readFile(file, 'utf8')).toContain('Letter');
  });

  it('refuses a wrong value with the sentence load gives, and a wrong call as a usage error', async () => {
    const data = await openInvoicesFolder();
    const wrong = await cli([
      'settings',
      'set',
      'credit_note_number_format',
      'CN/{SEQ}',
      '--data',
      data,
    ]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain(
      'settings.credit_note_number_format: holds "/", which a number cannot: numbers name files (PDFs, attachments); nothing was changed.',
    );
    expect((await cli(['settings', 'set', 'seller.name', '--data', data])).code).toBe(2);
    expect((await cli(['settings', 'frob', '--data', data])).code).toBe(2);
  });
});
