import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBundle } from '../../src-main/bundle/load';
import { UserError } from '../../src-main/domain/errors';
import { listActivity } from '../../src-main/services/activity';
import { addEntity, editEntity } from '../../src-main/services/catalog';
import { changePlan, endContract } from '../../src-main/services/contracts';
import { creditBalances, grantCredit } from '../../src-main/services/credits';
import { issueCreditNote } from '../../src-main/services/creditNotes';
import { importUsage } from '../../src-main/services/importUsage';
import { rollbackBatch } from '../../src-main/services/usageBatches';
import { recordUptime } from '../../src-main/services/uptime';
import { voidInvoice } from '../../src-main/services/voidInvoice';
import { bill, useStore } from '../support/billing-store';
import { tempDir } from '../support/cli';
import { ACME, GROWTH, bookOf, calls, contractOf } from '../support/scenario-books';

const STARTER = { ...GROWTH, code: 'starter', name: 'Starter', base_fee: '20.00' };

describe('keeping the book', () => {
  const store = useStore();

  async function refused(change: Promise<unknown>, message: string): Promise<void> {
    const before = JSON.stringify(store().read());
    await expect(change).rejects.toThrow(UserError);
    await expect(change).rejects.toThrow(message);
    expect(JSON.stringify(store().read())).toBe(before);
  }

  it('adds a customer, a plan and a contract, each logged with its door', async () => {
    await loadBundle(store(), bookOf({ plans: [], customers: [], contracts: [] }));
    await addEntity(store(), 'customers', ACME);
    await addEntity(store(), 'plans', GROWTH, { door: 'app' });
    const contract = await addEntity(store(), 'contracts', contractOf());
    expect(contract).toMatchObject({ id: 'c1', end_date: null, discount_percent: '0' });
    expect(store().read().contracts).toEqual([contract]);
    expect(
      listActivity(store()).map((entry) => [entry.action, entry.door, entry.customer]),
    ).toEqual([
      ['customer.add', 'cli', 'acme'],
      ['plan.add', 'app', null],
      ['contract.add', 'cli', 'acme'],
    ]);
  });

  it('refuses duplicate ids, bad fields and dangling references, naming them, and changes nothing', async () => {
    await loadBundle(store(), bookOf());
    await refused(addEntity(store(), 'customers', ACME), "There is already a customer 'acme'");
    await refused(
      addEntity(store(), 'customers', { ...ACME, id: 'zed', external_ids: [], currency: 'usd' }),
      "Customer 'zed', currency: must be an ISO 4217 currency code",
    );
    await refused(
      addEntity(store(), 'customers', { ...ACME, id: 'zed' }),
      "external_ids[0]: 'org_acme' already belongs to customer 'acme'",
    );
    await refused(
      addEntity(store(), 'contracts', contractOf({ id: 'c9', plan: 'nope' })),
      "Contract 'c9', plan: unknown plan 'nope'",
    );
    await refused(
      addEntity(store(), 'plans', {
        ...STARTER,
        charges: [{ meter: 'ghost', model: 'per_unit', unit_price: '1' }],
      }),
      "Plan 'starter', charges[0].meter: unknown meter 'ghost'",
    );
    expect(store().read().activity).toEqual([]);
  });

  it('edits named fields only, and never an id', async () => {
    await loadBundle(store(), bookOf());
    const edited = await editEntity(store(), 'customers', 'acme', {
      name: 'Acme Corp',
      tax_rate: '20',
    });
    expect(edited).toMatchObject({
      id: 'acme',
      name: 'Acme Corp',
      tax_rate: '20',
      external_ids: ['org_acme'],
    });
    expect(listActivity(store(), { customer: 'acme' }).at(-1)?.summary).toBe(
      "Edited customer 'acme': name, tax_rate.",
    );
    await refused(
      editEntity(store(), 'customers', 'acme', { id: 'other' }),
      "The id of customer 'acme' cannot change",
    );
    await refused(editEntity(store(), 'plans', 'nope', { name: 'x' }), "There is no plan 'nope'.");
  });

  it('refuses a currency change of a customer or plan in use, and re-checks the contracts of an edited plan', async () => {
    await loadBundle(store(), bookOf());
    await refused(
      editEntity(store(), 'customers', 'acme', { currency: 'EUR' }),
      "Customer 'acme' cannot change currency from USD to EUR: contract 'c1' bills in it.",
    );
    await refused(
      editEntity(store(), 'plans', 'growth', { currency: 'EUR' }),
      "Plan 'growth' cannot change currency from USD to EUR: contract 'c1' uses it.",
    );
    await loadBundle(store(), {
      format: 'nexus-billing/bundle@1',
      plans: [
        {
          ...GROWTH,
          charges: [
            {
              meter: 'nodes',
              model: 'capacity',
              reserved_unit_price: '5',
              overage_unit_price: '7',
            },
          ],
        },
      ],
      contracts: [contractOf({ reserved: { nodes: '3' } })],
    });
    await refused(
      editEntity(store(), 'plans', 'growth', { charges: [] }),
      "Contract 'c1', reserved.nodes: plan 'growth' has no capacity charge on 'nodes'",
    );
  });

  it('keeps the charges and interval of a plan that has billed, and lets its name and fee change', async () => {
    await loadBundle(store(), bookOf());
    await bill(store(), { period: '2026-10', asOf: '2026-11-02' });
    await refused(
      editEntity(store(), 'plans', 'growth', { charges: [] }),
      "Plan 'growth' cannot change its charges: invoice ",
    );
    await refused(
      editEntity(store(), 'plans', 'growth', { interval: 'year' }),
      'cannot change its interval',
    );
    const plan = await editEntity(store(), 'plans', 'growth', {
      name: 'Growth 2027',
      base_fee: '120.00',
    });
    expect(plan).toMatchObject({
      name: 'Growth 2027',
      base_fee: '120.00',
      charges: GROWTH.charges,
    });
  });

  it('changes plan on a day: one contract ends and the next starts, each billed for its days', async () => {
    await loadBundle(store(), bookOf({ plans: [GROWTH, STARTER] }));
    const change = await changePlan(store(), { contract: 'c1', plan: 'starter', on: '2026-10-16' });
    expect(change.ended).toMatchObject({ id: 'c1', plan: 'growth', end_date: '2026-10-16' });
    expect(change.started).toMatchObject({
      id: 'c1-2',
      plan: 'starter',
      start_date: '2026-10-16',
      end_date: null,
      payment_method: 'ach',
    });
    const run = await bill(store(), { period: '2026-10' });
    expect(run.invoices.map((invoice) => [invoice.contract, invoice.subtotal])).toEqual([
      ['c1', '48.39'],
      ['c1-2', '10.32'],
    ]);
    expect(listActivity(store(), { customer: 'acme' }).map((entry) => entry.action)).toEqual([
      'contract.change-plan',
    ]);
  });

  it('refuses to end a contract where a finalized invoice already bills it, or outside its dates', async () => {
    await loadBundle(
      store(),
      bookOf({ plans: [GROWTH, STARTER], usage: [calls('10', '2026-10-03T00:00:00Z')] }),
    );
    await bill(store(), { period: '2026-10', asOf: '2026-11-02', finalize: true });
    await refused(
      endContract(store(), { contract: 'c1', on: '2026-10-20' }),
      "Contract 'c1' cannot end on 2026-10-20: finalized invoice INV-2026-00001 bills it for 2026-10",
    );
    await refused(
      changePlan(store(), { contract: 'c1', plan: 'starter', on: '2025-12-01' }),
      "Contract 'c1' starts on 2026-01-01, so it can end only after that day",
    );
    await refused(
      changePlan(store(), { contract: 'c1', plan: 'growth', on: '2026-12-01' }),
      'already on plan',
    );
    const ended = await endContract(store(), { contract: 'c1', on: '2026-11-01' });
    expect(ended.end_date).toBe('2026-11-01');
    await refused(
      endContract(store(), { contract: 'c1', on: '2026-12-01' }),
      "Contract 'c1' already ends on 2026-11-01.",
    );
  });

  it('logs grants, finalizing and credit notes, found by customer and by invoice', async () => {
    await loadBundle(store(), bookOf({ usage: [calls('10', '2026-10-03T00:00:00Z')] }));
    await grantCredit(store(), {
      customer: 'acme',
      kind: 'goodwill',
      amount: '5',
      asOf: '2026-11-02',
      door: 'app',
    });
    await bill(store(), { period: '2026-10', asOf: '2026-11-02', finalize: true });
    await issueCreditNote(store(), { invoice: 'INV-2026-00001', amount: '1', reason: 'courtesy' });
    const log = listActivity(store(), { invoice: 'INV-2026-00001' });
    expect(log.map((entry) => [entry.action, entry.invoice])).toEqual([
      ['invoice.finalize', 'INV-2026-00001'],
      ['invoice.credit-note', 'INV-2026-00001'],
    ]);
    expect(
      listActivity(store(), { customer: 'acme' }).map((entry) => [entry.action, entry.door]),
    ).toEqual([
      ['credit.grant', 'app'],
      ['invoice.finalize', 'cli'],
      ['invoice.credit-note', 'cli'],
    ]);
  });

  it('logs recorded uptime with what it earned and the figure it replaced', async () => {
    await loadBundle(store(), bookOf());
    await recordUptime(store(), { contract: 'c1', period: '2026-10', uptime_percent: '99.95' });
    await recordUptime(
      store(),
      { contract: 'c1', period: '2026-10', uptime_percent: '98' },
      { door: 'app' },
    );
    const [first, second] = listActivity(store(), { customer: 'acme' });
    expect(first).toMatchObject({ action: 'uptime.record', door: 'cli', subject: 'c1' });
    expect(first?.summary).toContain('no SLA credit is due');
    expect(second).toMatchObject({ action: 'uptime.record', door: 'app' });
    expect(second?.summary).toBe(
      'Recorded 98% uptime for c1 in 2026-10 (replacing 99.95%): no SLA credit is due.',
    );
  });

  it('logs voiding under the invoice number', async () => {
    await loadBundle(store(), bookOf());
    await bill(store(), { period: '2026-10', asOf: '2026-11-02', finalize: true });
    await voidInvoice(store(), 'INV-2026-00001', { door: 'app' });
    expect(
      listActivity(store(), { invoice: 'INV-2026-00001' }).map((entry) => [
        entry.action,
        entry.door,
      ]),
    ).toEqual([
      ['invoice.finalize', 'cli'],
      ['invoice.void', 'app'],
    ]);
  });

  it('logs usage imports and their rollback', async () => {
    await loadBundle(store(), bookOf());
    const file = join(await tempDir(), 'october.json');
    await writeFile(file, `${JSON.stringify(calls('10', '2026-10-03T00:00:00Z'))}\n`);
    await importUsage(store(), file);
    const [batch] = store().read().usage_batches;
    await rollbackBatch(store(), batch?.id ?? '', { door: 'app' });
    expect(listActivity(store()).map((entry) => [entry.action, entry.door, entry.summary])).toEqual(
      [
        [
          'usage.import',
          'cli',
          `Imported october.json as usage batch ${batch?.id}: 1 accepted, 0 duplicates, 0 rejected.`,
        ],
        ['usage.rollback', 'app', `Rolled back usage batch ${batch?.id} (october.json).`],
      ],
    );
  });

  it('keeps the log append-only: no update may rewrite an entry', async () => {
    await loadBundle(store(), bookOf({ plans: [GROWTH, STARTER] }));
    await endContract(store(), { contract: 'c1', on: '2026-12-01' });
    await refused(
      store().update((data) => {
        data.activity[0] = { ...data.activity[0]!, summary: 'nothing happened' };
      }),
      'The activity log is append-only',
    );
  });

  it('lists credit balances by customer, less what invoices used', async () => {
    await loadBundle(store(), bookOf());
    await grantCredit(store(), {
      customer: 'acme',
      kind: 'prepaid',
      amount: '30',
      asOf: '2026-10-01',
    });
    await grantCredit(store(), {
      customer: 'acme',
      kind: 'goodwill',
      amount: '5',
      asOf: '2026-10-01',
      expires_on: '2026-10-15',
    });
    await bill(store(), { period: '2026-10', asOf: '2026-11-02' });
    const [acme] = creditBalances(store(), { asOf: '2026-11-02' });
    expect(acme?.credits.map((credit) => [credit.id, credit.remaining, credit.usable])).toEqual([
      ['prepaid-1', '0.00', false],
      ['goodwill-2', '5.00', false],
    ]);
    expect(acme?.usable).toBe('0.00');
  });
});
