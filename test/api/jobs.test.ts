/**
 * The month's long jobs through the browser mode's door, as the app drives them:
 * upload a usage file, preview it, import it as a job, bill the period as a job, page
 * the invoices, finalize one.
 */
import { describe, expect, it } from 'vitest';
import {
  FILE_NAME_HEADER,
  TOKEN_HEADER,
  type ChosenFile,
  type JobStatus,
  type Outcome,
} from '../../src-main/api/contract';
import { useTestServer } from '../support/app-server';

function value<T>(outcome: Outcome): T {
  if (!outcome.ok) throw new Error(`call failed: ${outcome.error.message}`);
  return outcome.value as T;
}

describe('long jobs over HTTP', () => {
  const t = useTestServer({ newFolder: true });

  async function upload(name: string, content: string): Promise<ChosenFile> {
    const response = await fetch(`${t.server().origin}/api/upload`, {
      method: 'POST',
      headers: { [TOKEN_HEADER]: t.server().token, [FILE_NAME_HEADER]: encodeURIComponent(name) },
      body: content,
    });
    return value<ChosenFile>((await response.json()) as Outcome);
  }

  async function finished(job: string): Promise<JobStatus> {
    for (;;) {
      const status = value<JobStatus>(await t.outcome('jobStatus', { job }));
      if (status.state !== 'running') return status;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  const csv = [
    'event_id,customer,meter,units,timestamp',
    'e-1,org_acme,api_calls,1000,2026-11-03T10:00:00Z',
    'e-2,org_acme,api_calls,-5,2026-11-03T11:00:00Z',
    'e-3,org_acme,api_calls,250,2026-11-04T09:00:00Z',
  ].join('\n');

  it('previews and imports an uploaded file, strict then keeping the valid rows', async () => {
    const file = await upload('november é.csv', csv);
    expect(file).toMatchObject({ name: 'november é.csv', size: Buffer.byteLength(csv) });

    const preview = value(await t.outcome('previewUsageFile', { file: file.file }));
    expect(preview).toEqual({
      format: 'csv',
      detected: true,
      columns: ['event_id', 'customer', 'meter', 'units', 'timestamp'],
      lines: csv.split('\n'),
    });

    const map = { quantity: 'units' };
    const strict = value<{ job: string }>(
      await t.outcome('startUsageImport', { file: file.file, map }),
    );
    const refused = await finished(strict.job);
    expect(refused).toMatchObject({
      state: 'done',
      kind: 'usage_import',
      result: { batch: null, accepted: 0, rejected: 1, errors: [{ row: 3 }] },
    });

    const kept = value<{ job: string }>(
      await t.outcome('startUsageImport', { file: file.file, map, keep_valid: true }),
    );
    const imported = await finished(kept.job);
    expect(imported).toMatchObject({
      state: 'done',
      result: { accepted: 2, rejected: 1 },
      progress: { done: Buffer.byteLength(csv), total: Buffer.byteLength(csv) },
    });
    const batches = value<{ id: string; accepted: number }[]>(await t.outcome('usageBatches'));
    expect(batches.at(-1)).toMatchObject({ file_name: 'november é.csv', accepted: 2 });
  });

  it('reports a job that fails with its sentence', async () => {
    const file = await upload('odd.json', '{"something": "else"}\n');
    const { job } = value<{ job: string }>(
      await t.outcome('startUsageImport', { file: file.file }),
    );
    const status = await finished(job);
    expect(status.state).toBe('failed');
    expect(status.state === 'failed' && status.error).toMatch(/^Cannot tell which usage format/);
  });

  it('keeps an uploaded file’s own name only, never a folder it names', async () => {
    expect(await upload('../../../etc/passwd', 'x')).toMatchObject({ name: 'passwd' });
    expect(await upload('C:\\Users\\me\\usage.csv', 'x')).toMatchObject({ name: 'usage.csv' });
  });

  it('refuses a file id it never handed out', async () => {
    const outcome = await t.outcome('previewUsageFile', { file: '/etc/passwd' });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'refused' } });
  });

  it('bills a period as a job, pages its invoices and finalizes one', async () => {
    const overview = value<{ today: string }>(await t.outcome('bookOverview'));
    const [year, month] = overview.today.split('-').map(Number) as [number, number];
    const previous = new Date(Date.UTC(year, month - 2, 1)).toISOString().slice(0, 7);

    const { job } = value<{ job: string }>(await t.outcome('startBillRun', { period: previous }));
    const run = await finished(job);
    expect(run).toMatchObject({ state: 'done', kind: 'bill_run', result: { period: previous } });
    if (run.state !== 'done' || run.kind !== 'bill_run') return;
    expect(run.result.drafts).toBeGreaterThan(10);
    expect(run.progress.stage).toBe('Computing drafts');

    const first = value<{ total: number; invoices: { id: string; status: string }[] }>(
      await t.outcome('listInvoices', { period: previous, status: 'draft', limit: 5 }),
    );
    expect(first.total).toBe(run.result.drafts);
    expect(first.invoices).toHaveLength(5);
    const second = value<{ invoices: { id: string }[] }>(
      await t.outcome('listInvoices', { period: previous, status: 'draft', offset: 5, limit: 5 }),
    );
    expect(second.invoices.map((row) => row.id)).not.toContain(first.invoices[0]?.id);

    const draft = first.invoices[0]?.id ?? '';
    const detail = value<{ invoice: { lines: unknown[] } }>(
      await t.outcome('invoiceDetail', { invoice: draft }),
    );
    expect(detail.invoice.lines.length).toBeGreaterThan(0);
    const [finalized] = value<{ number: string; status: string }[]>(
      await t.outcome('finalizeInvoices', { invoices: [draft] }),
    );
    expect(finalized?.number).toMatch(/^INV-/);

    const figures = value<{ billed: { currency: string; amount: string }[] }>(
      await t.outcome('dashboard', { period: previous }),
    );
    expect(figures.billed.length).toBe(1);
  });
});
