// Test helpers for the rights pillar: people with contacts on file, sessions from the dev mailbox, a webhook receiver.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestServer } from '../../test/app-harness.ts';

/** Creates a subject and stores values for it; returns its id. */
export async function newPerson(s: TestServer, key: string, body: { role: string; regimes: string[]; language: string }, values: { category: string; value: string; retentionClass?: string }[]): Promise<string> {
  const created = await s.call('POST', '/v1/subjects', { key, body });
  if (created.status !== 201) throw new Error(`subject not created: ${created.body}`);
  const id = created.json.id as string;
  if (values.length > 0) {
    const put = await s.call('PUT', `/v1/subjects/${id}/data`, { key, body: { values } });
    if (put.status !== 200) throw new Error(`values not stored: ${put.body}`);
  }
  return id;
}

/** Waits for the newest code sent to a contact in the dev mailbox. */
export async function codeFor(s: TestServer, contact: string, after = 0): Promise<string> {
  for (let i = 0; i < 200; i++) {
    const msgs = (await s.call('GET', `/dev/mailbox?to=${encodeURIComponent(contact)}`)).json.messages as { text: string }[];
    if (msgs.length > after) return /\b(\d{6})\b/.exec(msgs[msgs.length - 1].text)![1];
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('no code arrived');
}

/** How many messages the dev mailbox holds for a contact. */
export async function mailCount(s: TestServer, contact: string): Promise<number> {
  return ((await s.call('GET', `/dev/mailbox?to=${encodeURIComponent(contact)}`)).json.messages as unknown[]).length;
}

/** Verifies a contact through the dev mailbox and returns the session token. */
export async function sessionFor(s: TestServer, contact: string): Promise<string> {
  const before = await mailCount(s, contact);
  const start = await s.call('POST', '/v1/me/verify', { body: { contact } });
  if (start.status !== 202) throw new Error(`verify: ${start.body}`);
  const code = await codeFor(s, contact, before);
  const r = await s.call('POST', '/v1/me/verify/confirm', { body: { contact, code } });
  if (r.status !== 200) throw new Error(`confirm: ${r.body}`);
  return r.json.session as string;
}

/** A local webhook receiver that keeps what it gets. */
export async function webhookReceiver(): Promise<{ url: string; received: { headers: IncomingMessage['headers']; body: any }[]; close: () => Promise<void> }> {
  const received: { headers: IncomingMessage['headers']; body: any }[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: JSON.parse(body) });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return { url, received, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** Runs every due job (rights work, outbox dispatch, webhook delivery) until none is left or in flight in the server's own worker. */
export async function settle(s: TestServer): Promise<void> {
  for (let i = 0; i < 500; i++) {
    await s.ctx.jobs.drain();
    const busy = await s.ctx.store.db.selectFrom('jobs').select('id')
      .where((eb) => eb.or([eb('status', '=', 'running'), eb.and([eb('status', '=', 'pending'), eb('run_at', '<=', new Date())])]))
      .limit(1).executeTakeFirst();
    if (!busy) return;
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * Stops a test server. The harness drops a PostgreSQL schema before stopping the server, so the audit writer's last
 * flush would hit a dropped inbox table; everything is drained here first and that flush skipped.
 */
export async function stopServer(s: TestServer | undefined): Promise<void> {
  if (!s) return;
  await s.ctx.jobs.stop();
  await s.ctx.audit.stop();
  s.ctx.audit.stop = async () => {};
  await s.stop();
}
