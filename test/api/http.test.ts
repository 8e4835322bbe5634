/** The browser mode's door over real HTTP: the token, the origin, the contract's refusals. */
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { TOKEN_HEADER, type Outcome } from '../../src-main/api/contract';
import { openStore } from '../../src-main/store/store';
import { useTestServer } from '../support/app-server';

describe('serve: the API needs the run’s token and the app’s origin', () => {
  const t = useTestServer();

  it('answers a call with the token', async () => {
    const response = await t.call('bookOverview', {});
    expect(response.status).toBe(200);
    const outcome = (await response.json()) as Outcome;
    expect(outcome).toMatchObject({ ok: true, value: { empty: true, demo: false } });
  });

  it.each([
    ['no token', { 'content-type': 'application/json' }],
    ['a wrong token', { [TOKEN_HEADER]: 'not-the-token' }],
  ])('refuses %s with 401 and does nothing', async (_case, headers) => {
    const response = await t.call('loadDemoBook', {}, headers);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await t.outcome('bookOverview')).toMatchObject({ value: { empty: true } });
  });

  it('refuses a request from another origin even with the token', async () => {
    const response = await t.call(
      'loadDemoBook',
      {},
      { [TOKEN_HEADER]: t.server().token, origin: 'http://evil.example' },
    );
    expect(response.status).toBe(401);
    expect(await t.outcome('bookOverview')).toMatchObject({ value: { empty: true } });
  });

  it('accepts the app’s own origin', async () => {
    const response = await t.call(
      'bookOverview',
      {},
      { [TOKEN_HEADER]: t.server().token, origin: t.server().origin },
    );
    expect(response.status).toBe(200);
  });

  it('refuses a request that names another host (DNS rebinding)', async () => {
    const { port } = new URL(t.server().origin);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: '/api/rpc/bookOverview',
          method: 'POST',
          headers: { host: `attacker.example:${port}`, [TOKEN_HEADER]: t.server().token },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end('{}');
    });
    expect(status).toBe(401);
  });

  it('refuses an unknown procedure with 404', async () => {
    const response = await t.call('dropEverything', {});
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: "There is no procedure 'dropEverything'." },
    });
  });

  it('refuses a payload that does not match the contract, naming the field', async () => {
    const response = await t.call('listInvoices', { limit: 5000, period: '2026-13' });
    expect(response.status).toBe(400);
    const outcome = (await response.json()) as Outcome;
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error.code).toBe('bad_request');
    expect(outcome.error.message).toMatch(/^The request to listInvoices is not valid: 'period'/);
    expect(outcome.error.details.join('\n')).toMatch(/'limit'/);
  });

  it('refuses a body that is not JSON', async () => {
    const response = await fetch(`${t.server().origin}/api/rpc/bookOverview`, {
      method: 'POST',
      headers: { [TOKEN_HEADER]: t.server().token },
      body: '{not json',
    });
    expect(response.status).toBe(400);
  });

  it('answers a refused request with 422 and its sentence', async () => {
    const response = await t.call('voidInvoice', { invoice: 'INV-2026-00001' });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({
      error: { code: 'refused', message: "There is no invoice 'INV-2026-00001'." },
    });
  });

  it('serves the app’s page with its Content-Security-Policy, on any path', async () => {
    for (const path of ['/', '/invoices']) {
      const response = await fetch(`${t.server().origin}${path}`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<title>Nexus Billing Desk</title>');
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
    }
  });

  it('releases the data folder when it stops', async () => {
    await expect(openStore(t.dataDir())).rejects.toThrow(/already open|in use/);
    await t.server().stop();
    const store = await openStore(t.dataDir());
    await store.close();
  });
});

describe('serve: a first run with no data folder', () => {
  const t = useTestServer({ newFolder: true });

  it('opens on the demo book, and says so', async () => {
    expect(t.server().demo).toBe(true);
    expect(await t.outcome('bookOverview')).toMatchObject({
      ok: true,
      value: { demo: true, empty: false },
    });
  });
});
