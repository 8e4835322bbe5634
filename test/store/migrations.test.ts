import { copyFile, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src-main/domain/errors';
import { CURRENT_SCHEMA_VERSION } from '../../src-main/store/data';
import { LOCK_FILE } from '../../src-main/store/lock';
import { MIGRATIONS, runMigrations, type Migration } from '../../src-main/store/migrations';
import { STORE_FILE } from '../../src-main/store/store';
import { useTestDataFolder } from '../support/data-folder';

const FIXTURE = fileURLToPath(new URL('./fixtures/store-v1.json', import.meta.url));
/** The fixture's `last_daily_backup`: opening on that day changes nothing. */
const FIXTURE_DAY = () => new Date('2026-02-15T10:00:00Z');

describe('runMigrations', () => {
  it('applies the steps in the order of their versions, whatever their order in the list', () => {
    const applied: string[] = [];
    const steps: Migration[] = [
      {
        from: 2,
        migrate: (document) => {
          applied.push('2→3');
          return { ...document, client_count: (document.clients as unknown[]).length };
        },
      },
      {
        from: 1,
        migrate: ({ customers, ...rest }) => {
          applied.push('1→2');
          return { ...rest, clients: customers };
        },
      },
    ];
    const migrated = runMigrations(
      { schemaVersion: 1, customers: ['acme'] },
      steps,
      'store.json',
      3,
    );
    expect(applied).toEqual(['1→2', '2→3']);
    expect(migrated).toEqual({ schemaVersion: 3, clients: ['acme'], client_count: 1 });
  });

  it('fails when a step is missing', () => {
    const steps: Migration[] = [{ from: 1, migrate: (document) => document }];
    expect(() => runMigrations({ schemaVersion: 1 }, steps, 'store.json', 3)).toThrow(
      'No migration from schema 2 to 3.',
    );
  });

  it('has a step for every version up to the current one', () => {
    expect(runMigrations({ schemaVersion: 1 }, MIGRATIONS, 'store.json')).toEqual({
      email_records: [],
      activity: [],
      schemaVersion: CURRENT_SCHEMA_VERSION,
    });
  });
});

describe('opening store.json', () => {
  const folder = useTestDataFolder();
  const storePath = () => join(folder.dir, STORE_FILE);

  /** Writes store.json as the fixture with `change` applied. */
  async function writeStoreFile(
    change: (document: Record<string, unknown>) => void,
  ): Promise<void> {
    const document = JSON.parse(await readFile(FIXTURE, 'utf8')) as Record<string, unknown>;
    change(document);
    await writeFile(storePath(), JSON.stringify(document));
  }

  /** Expects opening to fail with `message`, leaving store.json as it was and the folder unlocked. */
  async function expectRefused(message: string): Promise<void> {
    const before = await folder.storeFileText();
    const opening = folder.open();
    await expect(opening).rejects.toThrow(UserError);
    await expect(opening).rejects.toThrow(message);
    expect(await folder.storeFileText()).toBe(before);
    expect(await readdir(folder.dir)).not.toContain(LOCK_FILE);
  }

  it('migrates a schema-1 file into the partitioned book, after backing it up as it was', async () => {
    await copyFile(FIXTURE, storePath());
    const original = await folder.storeFileText();
    const whole = JSON.parse(original) as Record<string, unknown>;
    const store = await folder.open({ now: FIXTURE_DAY });
    // Fields added since the fixture was written take their defaults.
    const migrated = {
      email_records: [],
      activity: [],
      ...whole,
      schemaVersion: CURRENT_SCHEMA_VERSION,
    };
    expect(store.read()).toMatchObject(migrated);

    const [backup, ...others] = await store.listBackups();
    expect(others).toEqual([]);
    expect(backup?.reason).toBe('migration');
    expect(await readFile(join(folder.dir, 'backups', backup?.name ?? ''), 'utf8')).toBe(original);

    const main = JSON.parse(await folder.storeFileText()) as Record<string, unknown>;
    expect(main).not.toHaveProperty('invoices');
    const { periods, index } = main.book_files as {
      periods: Record<string, string>;
      index: string;
    };
    const named = [...Object.values(periods), index].sort();
    expect((await readdir(join(folder.dir, 'periods'))).sort()).toEqual(named);
    expect(Object.keys(periods)).toEqual([
      ...new Set((whole.invoices as { period: string }[]).map((invoice) => invoice.period)),
    ]);

    await store.close();
    const reopened = await folder.open({ now: FIXTURE_DAY });
    expect(reopened.read()).toMatchObject(migrated);
    expect(await reopened.listBackups()).toEqual([backup]);
  });

  it('backs the file up before migrating, and leaves it untouched when a migration fails', async () => {
    await copyFile(FIXTURE, storePath());
    const original = await folder.storeFileText();
    const failing: Migration = {
      from: 1,
      migrate: () => {
        throw new Error('field "customers" has an unexpected shape');
      },
    };
    await expect(folder.open({ migrations: [failing] })).rejects.toThrow(
      `Migrating ${storePath()} from schema 1 to 2 failed: Error: field "customers" has an unexpected shape`,
    );
    expect(await folder.storeFileText()).toBe(original);
    expect(await readdir(join(folder.dir, 'periods'))).toEqual([]);

    const store = await folder.open({ now: FIXTURE_DAY });
    const backups = await store.listBackups();
    expect(backups.map((backup) => backup.reason)).toEqual(['migration', 'migration']);
    for (const backup of backups) {
      expect(await readFile(join(folder.dir, 'backups', backup.name), 'utf8')).toBe(original);
    }
  });

  it('refuses a file from a newer version', async () => {
    await writeStoreFile((document) => (document.schemaVersion = 3));
    await expectRefused(
      `${storePath()} was written by a newer version of Nexus Billing (schema 3); this version reads up to 2.`,
    );
  });

  it('refuses a file that is not JSON, naming it', async () => {
    await writeFile(storePath(), '{"schemaVersion": 1, "settings": {');
    await expectRefused(`${storePath()} is not valid JSON (`);
  });

  it('refuses a file without a schema version', async () => {
    await writeFile(storePath(), '[]');
    await expectRefused(
      `${storePath()} is not a Nexus Billing store: $.schemaVersion must be a whole number from 1.`,
    );
  });

  it('refuses a file that does not match the schema, naming the JSON path of the problem', async () => {
    await writeStoreFile((document) => {
      (document.invoices as Record<string, unknown>[])[0]!.total = 100;
    });
    await expectRefused(
      `${storePath()} does not match the store format at invoices[0].total: must be a decimal string such as "12.50".`,
    );
  });

  it('names a path through keys that are not identifiers', async () => {
    await writeStoreFile((document) => (document.sequences = { 'INV-2026-': -1 }));
    await expectRefused(
      `${storePath()} does not match the store format at sequences["INV-2026-"]: `,
    );
  });
});
