import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../support/cli';
import { documentBookFolder } from '../support/document-store';
import type { StoreData } from '../../src-main/store/data';
import { pdfFonts, pdfInfo, pdfPageText, pdfText } from '../support/pdf';

interface ExportJson {
  files: { file: string; document: string; kind: string; outcome: string }[];
}

async function exported(
  data: string,
  ...args: string[]
): Promise<{ out: string; json: ExportJson }> {
  const out = join(await tempDir('nexus-pdf-out-'), 'pdf');
  const run = await cli(['export-pdf', '--out', out, '--json', '--data', data, ...args]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return { out, json: JSON.parse(run.stdout) as ExportJson };
}

describe('export-pdf', () => {
  it('writes one file per document, named by number, drafts only when asked', async () => {
    const data = await documentBookFolder();
    const { out, json } = await exported(data);
    expect((await readdir(out)).sort()).toEqual([
      'CN-2026-00001.pdf',
      'INV-2026-00001.pdf',
      'INV-2026-00002.pdf',
      'INV-2026-00003.pdf',
      'INV-2026-00004.pdf',
      'statement-inv_zoe-aws_2026-10_1.pdf',
    ]);
    expect(json.files.every((file) => file.outcome === 'written')).toBe(true);
    expect(json.files.map((file) => file.kind)).toContain('statement');

    const withDrafts = await exported(data, '--drafts');
    expect(await readdir(withDrafts.out)).toContain('draft-inv_zoe-main_2026-11_1.pdf');
    const draft = await pdfText(join(withDrafts.out, 'draft-inv_zoe-main_2026-11_1.pdf'));
    expect(draft).toContain('DRAFT');
  });

  it('prints what accounts payable looks for, as searchable text', async () => {
    const data = await documentBookFolder();
    const { out } = await exported(data);
    const invoice = await pdfText(join(out, 'INV-2026-00001.pdf'));
    for (const text of [
      'INVOICE',
      'INV-2026-00001',
      'Nexus Engine GmbH',
      'Friedrichstraße 12',
      'Tax ID: DE123456789',
      'Zoë Müller GmbH',
      'Søndergade 5',
      'Tax ID: DK12345678',
      'Nov 1, 2026',
      'Dec 1, 2026',
      '2026-10',
      'Net 30 days',
      'Région 1 — Datenübertragung',
      'Tier 1',
      '$0.01'.replace('$', '€'),
      'Subtotal',
      '€1,234.50',
      'USt. (19%)',
      '€234.56',
      'Total',
      '€1,469.06',
      'Amount paid',
      '-€100.00',
      'Balance due',
      '€1,369.06',
      'W-77',
      'Payment by bank transfer',
      'IBAN: DE89 3704 0044 0532 0130 00',
      'Payment reference: INV-2026-00001',
      'Page 1 of 1',
    ]) {
      expect(invoice).toContain(text);
    }
    expect(await pdfInfo(join(out, 'INV-2026-00001.pdf'))).toMatchObject({
      Title: 'Invoice INV-2026-00001',
      Author: 'Nexus Engine GmbH',
      'Page size': '595.28 x 841.89 pts (A4)',
    });

    expect(await pdfText(join(out, 'INV-2026-00004.pdf'))).toContain('¥1,235');

    const voided = await pdfText(join(out, 'INV-2026-00003.pdf'));
    expect(voided).toContain('VOID');
    expect(voided).toContain('Café Crème SARL');
    expect(voided).toContain('Reverse charge: VAT to be accounted for by the recipient');
    expect(voided).toMatch(/Balance due\s+€0\.00/);

    const note = await pdfText(join(out, 'CN-2026-00001.pdf'));
    expect(note).toContain('CREDIT NOTE');
    expect(note).toMatch(/Corrects invoice\s+INV-2026-00002/);
    expect(note).toContain('€40.00');

    const statement = await pdfText(join(out, 'statement-inv_zoe-aws_2026-10_1.pdf'));
    expect(statement).toContain('MARKETPLACE STATEMENT');
    expect(statement).toContain('Billed through AWS Marketplace');
    expect(statement).not.toContain('Balance due');
  });

  it('prints a Japanese name in the fallback font, and names what no font can print', async () => {
    const japanese = (name: string, address: string[]) => (book: StoreData) =>
      Object.assign(
        book.customers.find((customer) => customer.id === 'fuji')!,
        { name, address },
      );
    const data = await documentBookFolder(
      japanese('株式会社富士モビリティ', ['東京都千代田区丸の内1-1-1', '〒100-0005']),
    );
    const { out, json } = await exported(data);
    const texts = await Promise.all(json.files.map((file) => pdfText(file.file)));
    const fuji = texts.find((text) => text.includes('株式会社富士モビリティ'));
    expect(fuji).toContain('東京都千代田区丸の内1-1-1');
    expect(fuji).toContain('〒100-0005');
    expect(fuji).toMatch(/Balance due\s+¥/);
    const fonts = await pdfFonts(json.files[texts.indexOf(fuji!)]!.file);
    expect(fonts.some((font) => font.includes('NotoSansJP'))).toBe(true);
    // A document in Latin letters alone does not carry the fallback.
    expect(await pdfFonts(join(out, 'INV-2026-00001.pdf'))).not.toContainEqual(
      expect.stringContaining('NotoSansJP'),
    );

    const hieroglyph = await documentBookFolder(japanese('Fuji 𓀀 KK', []));
    const target = join(await tempDir('nexus-pdf-out-'), 'pdf');
    const run = await cli(['export-pdf', '--out', target, '--data', hieroglyph]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(
      /INV-2026-00004: no embedded font has a glyph for 𓀀; they print as boxes\./,
    );
  });

  it('flows a long invoice onto more pages, repeating the table header', async () => {
    const data = await documentBookFolder((book) => (book.settings.page_size = 'Letter'));
    const { out } = await exported(data, '--invoice', 'INV-2026-00002');
    expect(await readdir(out)).toEqual(['INV-2026-00002.pdf']);
    const path = join(out, 'INV-2026-00002.pdf');
    expect(await pdfInfo(path)).toMatchObject({
      Pages: '2',
      'Page size': '612 x 792 pts (letter)',
    });
    const first = await pdfPageText(path, 1);
    const second = await pdfPageText(path, 2);
    expect(first).toContain('Page 1 of 2');
    expect(second).toContain('Page 2 of 2');
    expect(second).toContain('Invoice INV-2026-00002 (continued)');
    for (const page of [first, second]) {
      expect(page).toContain('DESCRIPTION');
      expect(page).toContain('AMOUNT');
    }
    expect(first).toContain('Région 1 —');
    expect(second).toContain('Région 16 —');
    expect(second).toMatch(/Balance due\s+€136\.00/);
  });

  it('writes amounts for the seller locale', async () => {
    const data = await documentBookFolder((book) => (book.settings.locale = 'de-DE'));
    const { out } = await exported(data, '--invoice', 'INV-2026-00001');
    const text = await pdfText(join(out, 'INV-2026-00001.pdf'));
    expect(text).toMatch(/1\.469,06\s€/u);
    expect(text).toContain('01.11.2026');
  });

  it('exports the same files again without change, and never writes over a different file', async () => {
    const data = await documentBookFolder();
    const { out } = await exported(data);
    const again = await cli(['export-pdf', '--out', out, '--json', '--data', data]);
    expect((JSON.parse(again.stdout) as ExportJson).files.map((f) => f.outcome)).toEqual(
      Array(6).fill('unchanged'),
    );

    const mine = join(out, 'INV-2026-00002.pdf');
    await writeFile(mine, 'my own notes');
    const other = join(out, 'INV-2026-00001.pdf');
    const before = await readFile(other);
    const refused = await cli(['export-pdf', '--out', out, '--data', data]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /^1 file in .* already exists with other contents; nothing was written/,
    );
    expect(refused.stderr).toContain(mine);
    expect(await readFile(mine, 'utf8')).toBe('my own notes');
    expect((await readFile(other)).equals(before)).toBe(true);
    expect((await readdir(out)).filter((name) => name.endsWith('.tmp'))).toEqual([]);

    const replaced = await cli(['export-pdf', '--out', out, '--replace', '--data', data]);
    expect(replaced.code).toBe(0);
    expect(replaced.stdout).toContain('1 replaced, 5 unchanged');
    expect(await pdfText(mine)).toContain('INV-2026-00002');
  });

  it('keeps every file inside the chosen folder whatever the numbers hold', async () => {
    const data = await documentBookFolder((book) => {
      const [first, second] = book.invoices;
      if (first) first.number = '../../INV/2026/1';
      if (second) second.number = 'CON';
    });
    const parent = await tempDir('nexus-pdf-parent-');
    const out = join(parent, 'pdf');
    await mkdir(out);
    const run = await cli(['export-pdf', '--out', out, '--data', data]);
    expect(run.code).toBe(0);
    expect(await readdir(parent)).toEqual(['pdf']);
    expect(await readdir(out)).toEqual(expect.arrayContaining(['__.._INV_2026_1.pdf', '_CON.pdf']));
  });

  it('refuses an unknown invoice and a missing --out', async () => {
    const data = await documentBookFolder();
    const out = await tempDir();
    const unknown = await cli(['export-pdf', '--out', out, '--invoice', 'INV-9', '--data', data]);
    expect(unknown).toMatchObject({
      code: 1,
      stderr: "There is no invoice or credit note 'INV-9'.\n",
    });
    expect(await readdir(out)).toEqual([]);
    const missing = await cli(['export-pdf', '--data', data]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--out is required.');
  });
});
