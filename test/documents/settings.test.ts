import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../support/cli';
import { documentBookFolder } from '../support/document-store';

async function load(settings: unknown): Promise<{ code: number; stderr: string }> {
  const dir = await tempDir();
  const bundle = join(dir, 'book.json');
  await writeFile(bundle, JSON.stringify({ format: 'nexus-billing/bundle@1', settings }));
  // The bundle sits in the data folder itself: `load` needs a folder that exists.
  return cli(['load', bundle, '--data', dir]);
}

describe('document settings', () => {
  it('refuses an SMTP password in a bundle: it is never stored', async () => {
    const run = await load({ smtp: { host: 'smtp.example', password: 'hunter2' } });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'settings.smtp.password: is never stored; give it to the CLI in NEXUS_SMTP_PASSWORD.',
    );
  });

  it('refuses an unknown locale or page size and a logo that is not a PNG or JPEG', async () => {
    const run = await load({
      locale: 'xx-nope',
      page_size: 'A5',
      seller: { logo: 'data:image/gif;base64,R0lGODlh' },
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('settings.locale: must be a locale such as "en-US" or "de-DE"');
    expect(run.stderr).toContain('settings.page_size');
    expect(run.stderr).toContain('settings.seller.logo: must be a PNG or JPEG image');
  });

  it('says so in one sentence when the logo cannot be read', async () => {
    const data = await documentBookFolder((book) => {
      book.settings.seller.logo = 'data:image/png;base64,bm90IGEgcG5n';
    });
    const run = await cli(['export-pdf', '--out', await tempDir(), '--data', data]);
    expect(run).toMatchObject({
      code: 1,
      stderr:
        'The seller logo (settings.seller.logo) is not a PNG or JPEG image that can be read.\n',
    });
  });
});
