import { describe, expect, it } from 'vitest';
import { UserError } from '../../src-main/domain/errors';
import type { Invoice } from '../../src-main/domain/invoice';
import type { StoreData } from '../../src-main/store/data';
import type { Store } from '../../src-main/store/store';
import { creditNote, finalizedInvoice } from '../support/documents';
import { useTestDataFolder } from '../support/data-folder';

describe('update() rules', () => {
  const folder = useTestDataFolder();

  async function storeWithIssuedDocuments(): Promise<Store> {
    const store = await folder.open();
    await store.update((draft) => {
      draft.invoices.push(
        finalizedInvoice(),
        finalizedInvoice({
          id: 'draft-1',
          number: null,
          status: 'draft',
          issue_date: null,
          due_date: null,
        }),
      );
      draft.credit_notes.push(creditNote());
      draft.sequences = { 'INV-2026-': 1, 'CN-2026-': 1 };
    });
    return store;
  }

  /** Expects `mutate` to be refused with `message`, and nothing to be written. */
  async function expectRefused(
    store: Store,
    mutate: (draft: StoreData) => void,
    message: string,
  ): Promise<void> {
    const fileBefore = await folder.storeFileText();
    const documentBefore = store.read();
    const refusal = store.update(mutate);
    await expect(refusal).rejects.toThrow(UserError);
    await expect(refusal).rejects.toThrow(message);
    expect(store.read()).toBe(documentBefore);
    expect(await folder.storeFileText()).toBe(fileBefore);
  }

  const finalized = <I extends Invoice>(draft: { invoices: readonly I[] }): I =>
    draft.invoices.find((invoice) => invoice.id === 'inv-1')!;

  it('refuses to delete a finalized invoice', async () => {
    const store = await storeWithIssuedDocuments();
    await expectRefused(
      store,
      (draft) => {
        draft.invoices = draft.invoices.filter((invoice) => invoice.id !== 'inv-1');
      },
      'Invoice INV-2026-00001 is finalized and cannot be deleted; void it or issue a credit note instead.',
    );
  });

  it.each([
    ['total', (draft: StoreData) => void (finalized(draft).total = '90.00')],
    ['number', (draft: StoreData) => void (finalized(draft).number = 'INV-2026-00009')],
    ['lines', (draft: StoreData) => void finalized(draft).lines.pop()],
    ['due_date', (draft: StoreData) => void (finalized(draft).due_date = '2026-04-01')],
  ])('refuses to change the %s of a finalized invoice', async (field, mutate) => {
    const store = await storeWithIssuedDocuments();
    await expectRefused(
      store,
      mutate,
      `Invoice INV-2026-00001 is finalized, so its ${field} cannot change; issue a credit note or void it instead.`,
    );
  });

  it('refuses to turn a finalized invoice back into a draft', async () => {
    const store = await storeWithIssuedDocuments();
    await expectRefused(
      store,
      (draft) => void (finalized(draft).status = 'draft'),
      'Invoice INV-2026-00001 is finalized, so its status can be open, paid or void, not draft.',
    );
  });

  it('refuses any change to a void invoice', async () => {
    const store = await storeWithIssuedDocuments();
    await store.update((draft) => {
      Object.assign(finalized(draft), { status: 'void', voided_on: '2026-03-01' });
    });
    await expectRefused(
      store,
      (draft) => void (finalized(draft).status = 'open'),
      'Invoice INV-2026-00001 is void, and a void invoice never changes again.',
    );
  });

  it('lets payments, credit notes and voiding settle a finalized invoice', async () => {
    const store = await storeWithIssuedDocuments();
    await store.update((draft) => {
      Object.assign(finalized(draft), {
        amount_paid: '40.00',
        credited: '10.00',
        balance_due: '50.00',
      });
    });
    await store.update((draft) => {
      Object.assign(finalized(draft), {
        status: 'paid',
        amount_paid: '90.00',
        balance_due: '0.00',
      });
    });
    await store.update((draft) => {
      Object.assign(finalized(draft), { status: 'void', voided_on: '2026-03-01' });
    });
    await store.close();
    const reopened = await folder.open();
    expect(finalized(reopened.read())).toEqual(
      finalizedInvoice({
        status: 'void',
        voided_on: '2026-03-01',
        amount_paid: '90.00',
        credited: '10.00',
        balance_due: '0.00',
      }),
    );
  });

  it('lets drafts be recomputed and deleted', async () => {
    const store = await storeWithIssuedDocuments();
    await store.update((draft) => {
      draft.invoices.find((invoice) => invoice.id === 'draft-1')!.total = '75.00';
    });
    await store.update((draft) => {
      draft.invoices = draft.invoices.filter((invoice) => invoice.id !== 'draft-1');
    });
    expect(store.read().invoices.map((invoice) => invoice.id)).toEqual(['inv-1']);
  });

  it('refuses to change a credit note', async () => {
    const store = await storeWithIssuedDocuments();
    await expectRefused(
      store,
      (draft) => void (draft.credit_notes[0]!.amount = '20.00'),
      'Credit note CN-2026-00001 is issued and cannot be changed; issue another credit note instead.',
    );
  });

  it('refuses to delete a credit note', async () => {
    const store = await storeWithIssuedDocuments();
    await expectRefused(
      store,
      (draft) => void (draft.credit_notes = []),
      'Credit note CN-2026-00001 is issued and cannot be deleted.',
    );
  });

  it('refuses to move a number sequence back, or to remove it', async () => {
    const store = await storeWithIssuedDocuments();
    await expectRefused(
      store,
      (draft) => void (draft.sequences['INV-2026-'] = 0),
      'The number sequence "INV-2026-" cannot go back from 1 to 0: a number once used is never reused.',
    );
    await expectRefused(
      store,
      (draft) => void delete draft.sequences['CN-2026-'],
      'The number sequence "CN-2026-" cannot go back from 1 to 0',
    );
    await store.update((draft) => void (draft.sequences['INV-2026-'] = 2));
    expect(store.read().sequences).toEqual({ 'INV-2026-': 2, 'CN-2026-': 1 });
  });

  it('refuses to write a document that does not match the schema', async () => {
    const store = await storeWithIssuedDocuments();
    const fileBefore = await folder.storeFileText();
    await expect(
      store.update((draft) => {
        (draft.customers as unknown[]).push({ id: 'acme' });
      }),
    ).rejects.toThrow('Refused to write an invalid store document, at customers[0].name');
    expect(store.read().customers).toEqual([]);
    expect(await folder.storeFileText()).toBe(fileBefore);
  });

  it('refuses an asynchronous mutation, whose later changes would be lost', async () => {
    const store = await storeWithIssuedDocuments();
    const fileBefore = await folder.storeFileText();
    await expect(
      store.update(async (draft) => {
        await Promise.resolve();
        draft.sequences['INV-2026-'] = 5;
      }),
    ).rejects.toThrow('Store.update takes a synchronous mutation');
    expect(await folder.storeFileText()).toBe(fileBefore);
  });
});
