import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/app-harness.ts';
import { TEST_DATABASES } from '../../test/db-harness.ts';
import { codeFor, mailCount, newPerson, stopServer } from './rights.testing.ts';

for (const target of TEST_DATABASES) {
  describe(`rights verification [${target.name}]`, () => {
    let s: TestServer;
    let app = '';
    const person = (email: string, language = 'en') => newPerson(s, app, { role: 'customer', regimes: ['gdpr'], language }, [{ category: 'email', value: email }, { category: 'name', value: 'Anna Example' }]);
    const verify = (contact: string) => s.call('POST', '/v1/me/verify', { body: { contact } });
    const confirm = (contact: string, code: string) => s.call('POST', '/v1/me/verify/confirm', { body: { contact, code } });
    const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

    beforeAll(async () => {
      s = await startTestServer(target.options(), 'examples/000-broker.live.yaml');
      app = (await s.call('POST', '/v1/keys', { key: s.adminKey, body: { name: 'app', role: 'service', purposes: ['account'] } })).json.key;
    });
    afterAll(async () => stopServer(s));

    it('answers a known and an unknown contact the same way, and sends a code only to the one on file', async () => {
      await person('known@example.eu', 'ko');
      const known = await verify('Known@Example.eu');
      const unknown = await verify('nobody@example.eu');
      expect(known.status).toBe(202);
      expect(unknown.status).toBe(202);
      expect(unknown.body).toBe(known.body);
      const code = await codeFor(s, 'known@example.eu');
      expect(code).toMatch(/^\d{6}$/);
      const msg = (await s.call('GET', '/dev/mailbox?to=known@example.eu')).json.messages[0];
      expect(msg.subject).toBe('인증 코드'); // the person's language
      expect(await mailCount(s, 'nobody@example.eu')).toBe(0);
      // an unknown contact never verifies, whatever the code, with the same refusal as a wrong code
      const guess = await confirm('nobody@example.eu', '123456');
      expect(guess.json.code).toBe('RIGHTS_CODE_INVALID');
      // codes are hashed at rest
      const rows = await s.ctx.store.db.selectFrom('rights_codes').select(['code_hash', 'contact_digest']).execute();
      expect(JSON.stringify(rows)).not.toContain(code);
      expect(JSON.stringify(rows)).not.toContain('known@example.eu');
    });

    it('refuses a wrong code, locks after five attempts, even for the right code', async () => {
      await person('lock@example.eu');
      await verify('lock@example.eu');
      const code = await codeFor(s, 'lock@example.eu');
      for (let i = 0; i < 4; i++) {
        const r = await confirm('lock@example.eu', wrong(code));
        expect(r.status).toBe(422);
        expect(r.json.code).toBe('RIGHTS_CODE_INVALID');
        expect(r.body).not.toContain(code);
      }
      expect((await confirm('lock@example.eu', wrong(code))).json.code).toBe('RIGHTS_CODE_LOCKED');
      const right = await confirm('lock@example.eu', code);
      expect(right.status).toBe(429);
      expect(right.json.code).toBe('RIGHTS_CODE_LOCKED');
    });

    it('refuses an expired code and a replayed one', async () => {
      await person('time@example.eu');
      await verify('time@example.eu');
      const first = await codeFor(s, 'time@example.eu');
      await s.ctx.store.db.updateTable('rights_codes').set({ expires_at: new Date(Date.now() - 1000) }).where('subject_id', 'is not', null).where('used_at', 'is', null).where('attempts', '=', 0).execute();
      const expired = await confirm('time@example.eu', first);
      expect(expired.status).toBe(410);
      expect(expired.json.code).toBe('RIGHTS_CODE_EXPIRED');
      await verify('time@example.eu');
      const second = await codeFor(s, 'time@example.eu', 1);
      const ok = await confirm('time@example.eu', second);
      expect(ok.status).toBe(200);
      expect(ok.json.session).toMatch(/^cps_/);
      const replay = await confirm('time@example.eu', second);
      expect(replay.status).toBe(409);
      expect(replay.json.code).toBe('RIGHTS_CODE_USED');
      // the session opens the person's own overview, and only with a valid token
      const me = await s.call('GET', '/v1/me', { key: ok.json.session });
      expect(me.status).toBe(200);
      expect(me.json.categories.map((c: { category: string }) => c.category)).toEqual(['email', 'name']);
      expect(me.body).not.toContain('time@example.eu');
      expect((await s.call('GET', '/v1/me', { key: `${ok.json.session.slice(0, -2)}xx` })).json.code).toBe('RIGHTS_SESSION_INVALID');
      expect((await s.call('GET', '/v1/me', { key: s.adminKey })).status).toBe(401);
      expect((await s.call('GET', '/v1/me')).status).toBe(401);
      const sessions = await s.ctx.store.db.selectFrom('rights_sessions').select('token_hash').execute();
      expect(JSON.stringify(sessions)).not.toContain(ok.json.session);
    });

    it('sends a code by SMS to the phone on file', async () => {
      await newPerson(s, app, { role: 'customer', regimes: ['gdpr'], language: 'en' }, [{ category: 'phone', value: '+357 99 765432' }]);
      expect((await verify('+357 99-765-432')).status).toBe(202);
      const code = await codeFor(s, '+357 99 765432');
      const msg = (await s.call('GET', `/dev/mailbox?to=${encodeURIComponent('+357 99 765432')}`)).json.messages[0];
      expect(msg.channel).toBe('sms');
      expect((await confirm('+35799765432', code)).status).toBe(200);
    });

    it('stops issuing codes after five per hour for one contact, with the same answer', async () => {
      await person('busy@example.eu');
      for (let i = 0; i < 6; i++) expect((await verify('busy@example.eu')).status).toBe(202);
      await new Promise((r) => setTimeout(r, 100));
      expect(await mailCount(s, 'busy@example.eu')).toBe(5);
    });
  });
}
