/**
 * The Settings screen in a real browser against `serve` on the demo book: a change of
 * the seller is kept, a backup brings the book back, axe finds no serious or critical
 * violation, and the screen is photographed.
 */
import { describe, expect, it } from 'vitest';
import {
  checkAccessibility,
  checkAndPhotograph,
  mainNavLink,
  useBrowserAndFreshDesks,
} from '../support/desk-in-browser';

const desk = useBrowserAndFreshDesks();

describe('the Settings screen', () => {
  it('keeps a change of the seller, and a restored backup brings the book back', async () => {
    const { page, problems } = await desk.openFreshDesk();
    await mainNavLink(page, 'Settings').click();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    const name = page.getByLabel('Name', { exact: true });
    await name.waitFor();
    const demoName = await name.inputValue();
    expect(demoName).not.toBe('');

    await page.getByRole('button', { name: 'Back up now' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Backed up the book' }).count())
      .toBe(1);

    // A number format the desk would refuse is refused as it is typed.
    const format = page.getByLabel('Invoice number format');
    await format.fill('INV-{YYYY}');
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: 'has no {SEQ}' }).count())
      .toBe(1);
    expect(await page.getByRole('button', { name: 'Save the settings' }).isDisabled()).toBe(true);
    await format.fill('NL-{YYYY}-{SEQ:4}');

    await name.fill('Nordlicht Cloud GmbH');
    await page.getByLabel('IBAN').fill('DE89 3704 0044 0532 0130 00');
    await page.getByRole('button', { name: 'Save the settings' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Saved.' }).count()).toBe(1);

    // Kept: a fresh page reads the settings back from the desk.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await expect
      .poll(() => page.getByLabel('Name', { exact: true }).inputValue())
      .toBe('Nordlicht Cloud GmbH');
    expect(await page.getByLabel('Invoice number format').inputValue()).toBe('NL-{YYYY}-{SEQ:4}');
    // The browser mode says where the SMTP password comes from instead.
    expect(await page.getByText(/The browser mode has no keychain/).count()).toBe(1);

    await checkAndPhotograph(page, 'settings', problems);

    const manual = page.getByRole('row').filter({ hasText: 'manual' });
    await manual.getByRole('button', { name: /^Restore the backup of / }).click();
    const confirm = page.getByRole('alertdialog');
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain('first saved as a new backup');
    await checkAccessibility(page, 'settings-restore', problems);
    await confirm.getByRole('button', { name: 'Restore this backup' }).click();

    await expect
      .poll(
        () =>
          page
            .getByRole('status')
            .filter({ hasText: /^Restored / })
            .count(),
        {
          timeout: 15_000,
        },
      )
      .toBe(1);
    await expect.poll(() => page.getByLabel('Name', { exact: true }).inputValue()).toBe(demoName);
    expect(await page.getByLabel('Invoice number format').inputValue()).toBe('INV-{YYYY}-{SEQ:5}');
    // The state before the restore is a backup of its own, to undo it.
    expect(await page.getByRole('cell', { name: 'restore', exact: true }).count()).toBe(1);
    expect(problems).toEqual([]);
  });
});
