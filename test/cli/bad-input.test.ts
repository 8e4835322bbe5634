import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstInvalidUtf8 } from '../../src-main/files/utf8';
import { bookFolder, SMALL_BOOK as BOOK } from '../support/cli-book';

const HEADER = 'event_id,customer,meter,quantity,timestamp\n';

describe('numbers a book cannot mean', () => {
  it('are refused in a bundle, with the path of each', async () => {
    const { dir, run } = await bookFolder();
    const plan = { ...BOOK.plans[0], code: 'huge', base_fee: '1234567890123456.00' };
    const credit = {
      id: 'g1',
      customer: 'acme',
      kind: 'goodwill',
      amount: '0.000000000000000000001',
      currency: 'USD',
      granted_on: '2026-01-01',
    };
    const event = {
      event_id: 'e1',
      customer: 'org_8f2a',
      meter: 'api_calls',
      quantity: '99999999999999999',
      timestamp: '2026-10-01T00:00:00Z',
    };
    await writeFile(
      join(dir, 'big.json'),
      JSON.stringify({ format: BOOK.format, plans: [plan], credits: [credit], usage: [event] }),
    );
    const load = await run('load', 'big.json');
    expect(load.code).toBe(1);
    expect(load.stderr).toBe(
      [
        'big.json has 3 problems; nothing was loaded:',
        '  plans[0].base_fee: has more than 15 digits before the decimal point, more than any book can mean',
        '  credits[0].amount: has more than 20 decimals',
        "  usage[0]: quantity '99999999999999999' has more than 15 digits before the decimal point, more than any book can mean",
        '',
      ].join('\n'),
    );
  });

  it('are refused row by row in a usage import', async () => {
    const { dir, run } = await bookFolder();
    await writeFile(
      join(dir, 'u.csv'),
      `${HEADER}e1,org_8f2a,api_calls,1000000000000000,2026-10-01T00:00:00Z\ne2,org_8f2a,api_calls,999999999999999.5,2026-10-01T00:00:00Z\n`,
    );
    const result = await run('import-usage', 'u.csv', '--keep-valid', '--json');
    expect(JSON.parse(result.stdout)).toMatchObject({
      accepted: 1,
      rejected: 1,
      errors: [
        {
          row: 2,
          reason:
            "quantity '1000000000000000' has more than 15 digits before the decimal point, more than any book can mean",
        },
      ],
    });
  });

  it("are refused in every command's amount options", async () => {
    const { run } = await bookFolder();
    const grant = await run(
      'grant-credit',
      '--customer',
      'acme',
      '--kind',
      'goodwill',
      '--amount',
      '12345678901234567',
    );
    expect(grant).toMatchObject({
      code: 1,
      stderr:
        "The amount '12345678901234567' has more than 15 digits before the decimal point, more than any book can mean.\n",
    });
    const uptime = await run(
      'uptime',
      '--contract',
      'c1',
      '--period',
      '2026-10',
      '--percent',
      '99.0000000000000000000001',
    );
    expect(uptime.code).toBe(1);
  });
});

describe('number formats', () => {
  it.each([
    ['INV-{YYYY}', 'has no {SEQ} or {SEQ:n} part for the sequence number'],
    ['INV-{SEQ}-{SEQ:3}', 'has more than one {SEQ} part'],
    [
      'INV/{YYYY}/{SEQ:5}',
      'holds "/", which a number cannot: numbers name files (PDFs, attachments)',
    ],
    [
      'INV-\u001b[2J{SEQ}',
      'holds "\\u001b", which a number cannot: numbers name files (PDFs, attachments)',
    ],
    ['INV-{SEQ:40}', 'pads the sequence to 40 digits; use a width from 1 to 12'],
    ['INV-{SEQ:0}', 'pads the sequence to 0 digits; use a width from 1 to 12'],
    [
      'INV-{YY}-{SEQ}',
      "holds '{YY}', which is no placeholder; a format knows {YYYY}, {SEQ} and {SEQ:n}",
    ],
  ])('refuses %j at load', async (format, reason) => {
    const { dir, run } = await bookFolder();
    await writeFile(
      join(dir, 'settings.json'),
      JSON.stringify({ format: BOOK.format, settings: { invoice_number_format: format } }),
    );
    const load = await run('load', 'settings.json');
    expect(load.code).toBe(1);
    expect(load.stderr).toBe(
      `settings.json: settings.invoice_number_format: ${reason.replace('\u001b', '\\u001b')}. Nothing was loaded.\n`,
    );
  });

  it('accepts the formats of the spec and their kin', async () => {
    const { dir, run } = await bookFolder();
    const settings = {
      invoice_number_format: 'F{YYYY}.{SEQ:6}',
      credit_note_number_format: 'AV-{SEQ}',
    };
    await writeFile(join(dir, 's.json'), JSON.stringify({ format: BOOK.format, settings }));
    expect((await run('load', 's.json')).code).toBe(0);
  });
});

describe('an input file that cannot be read', () => {
  it('is one sentence naming it, whatever the command', async () => {
    const { dir, run } = await bookFolder();
    expect(await run('import-usage', 'nope.csv')).toEqual({
      code: 1,
      stdout: '',
      stderr: `Cannot read '${join(dir, 'nope.csv')}': no such file or folder.\n`,
    });
    expect(await run('load', 'data')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'Cannot read data: it is not a file.\n',
    });
  });
});

describe('invalid UTF-8', () => {
  it('in a bundle is refused with its line and byte offset', async () => {
    const { dir, run } = await bookFolder();
    const bytes = Buffer.concat([
      Buffer.from(
        '{"format": "nexus-billing/bundle@1",\n"customers": [{"id": "cafe", "name": "Caf',
      ),
      Buffer.from([0xe9]),
      Buffer.from('", "currency": "EUR"}]}\n'),
    ]);
    await writeFile(join(dir, 'latin1.json'), bytes);
    const load = await run('load', 'latin1.json');
    expect(load).toMatchObject({
      code: 1,
      stderr:
        'latin1.json is not valid UTF-8 at line 2, byte offset 78; a bundle is UTF-8 JSON. Nothing was loaded.\n',
    });
  });

  it('in an import is refused with its line and byte offset, and nothing is stored', async () => {
    const { dir, run } = await bookFolder();
    const good = 'e1,org_8f2a,api_calls,1,2026-10-01T00:00:00Z\n';
    await writeFile(
      join(dir, 'u.csv'),
      Buffer.concat([
        Buffer.from(HEADER + good + 'e2,org_'),
        Buffer.from([0xff]),
        Buffer.from(good),
      ]),
    );
    const result = await run('import-usage', 'u.csv', '--keep-valid');
    expect(result).toMatchObject({
      code: 1,
      stderr:
        'u.csv is not valid UTF-8 at line 3, byte offset 95; save it as UTF-8 and import it again. Nothing was imported.\n',
    });
    expect((await run('usage-batches', '--json')).stdout).toBe('[]\n');
  });

  it('is found where it is when a character is cut between two pieces of the file', async () => {
    const { dir, run } = await bookFolder();
    // Pieces are 64 KiB: a valid "é" (2 bytes) straddles the first boundary, and a
    // character whose lead byte ends the second piece is broken by what follows.
    const piece = 1 << 16;
    const line = (id: string, customer: string) =>
      Buffer.from(`${id},${customer},api_calls,1,2026-10-01T00:00:00Z\n`);
    const head = Buffer.from(HEADER);
    const filler = (length: number) => Buffer.from(`${'x'.repeat(length - 1)}\n`);
    const first = Buffer.concat([head, filler(piece - head.length - 1)]);
    const parts = [first, Buffer.from([0xc3, 0xa9, 0x0a])];
    const soFar = () => parts.reduce((total, part) => total + part.length, 0);
    parts.push(
      filler(2 * piece - soFar() - 1),
      Buffer.from([0xe2]),
      Buffer.from('(\n'),
      line('e1', 'org_8f2a'),
    );
    const file = Buffer.concat(parts);
    await writeFile(join(dir, 'cut.csv'), file);
    const result = await run('import-usage', 'cut.csv');
    expect(result.stderr).toBe(
      `cut.csv is not valid UTF-8 at line 5, byte offset ${2 * piece - 1}; save it as UTF-8 and import it again. Nothing was imported.\n`,
    );
  });

  it('is told from a U+FFFD the file really holds, and found in a character the end cuts short', async () => {
    const { dir, run } = await bookFolder();
    const row = (id: string, meter: string) =>
      Buffer.from(`${id},org_8f2a,api_calls,1,2026-10-01T00:00:00Z,${meter}\n`);
    // A real U+FFFD (EF BF BD) in a property, and an "é" cut by the first piece's end.
    const head = Buffer.from(`${HEADER.trimEnd()},note\n`);
    const first = Buffer.concat([head, row('e1', '\ufffd')]);
    const padding = Buffer.from(`${'x'.repeat((1 << 16) - first.length - 2)}\n`);
    const kept = Buffer.concat([first, Buffer.from('#'), padding, Buffer.from([0xc3, 0xa9])]);
    await writeFile(join(dir, 'ok.csv'), Buffer.concat([kept, Buffer.from('\n'), row('e2', 'b')]));
    const imported = await run('import-usage', 'ok.csv', '--keep-valid', '--json');
    expect(JSON.parse(imported.stdout)).toMatchObject({ accepted: 2 });

    // The file ends two bytes into a three-byte character.
    const cut = Buffer.concat([
      head,
      row('e3', 'c'),
      row('e4', 'd').subarray(0, -1),
      Buffer.from([0xe2, 0x82]),
    ]);
    await writeFile(join(dir, 'cut-end.csv'), cut);
    const refused = await run('import-usage', 'cut-end.csv');
    expect(refused.stderr).toBe(
      `cut-end.csv is not valid UTF-8 at line 3, byte offset ${cut.length - 2}; save it as UTF-8 and import it again. Nothing was imported.\n`,
    );
  });

  it('is found exactly where a strict decoder stops', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        const offset = firstInvalidUtf8(bytes);
        const decode = (part: Uint8Array) => new TextDecoder('utf-8', { fatal: true }).decode(part);
        if (offset < 0) {
          expect(() => decode(bytes)).not.toThrow();
          return;
        }
        expect(() => decode(bytes.subarray(0, offset))).not.toThrow();
        expect(() => decode(bytes)).toThrow();
      }),
    );
  });
});
