import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { codeSenders, DevMailbox, SmtpMailer } from './rights.mail.ts';
import { buildExportZip, csvField, toCsv } from './rights.export.ts';
import { codeMessage } from './rights.texts.ts';
import type { AccessAnswer } from './rights.answer.ts';

/** A minimal SMTP server that accepts one message and hands back its DATA. */
async function fakeSmtp(): Promise<{ port: number; message: Promise<string>; close: () => void }> {
  let resolve!: (s: string) => void;
  const message = new Promise<string>((r) => (resolve = r));
  const server = createServer((sock: Socket) => {
    let data = false;
    let body = '';
    let buf = '';
    sock.write('220 fake ESMTP\r\n');
    sock.on('data', (chunk) => {
      buf += chunk.toString('utf8');
      let i: number;
      while ((i = buf.indexOf('\r\n')) >= 0) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 2);
        if (data) {
          if (line === '.') {
            data = false;
            resolve(body);
            sock.write('250 queued\r\n');
          } else body += `${line}\n`;
        } else if (/^(EHLO|HELO)/i.test(line)) sock.write('250 fake\r\n');
        else if (/^DATA/i.test(line)) (data = true), sock.write('354 go\r\n');
        else if (/^QUIT/i.test(line)) sock.end('221 bye\r\n');
        else sock.write('250 ok\r\n');
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { port: (server.address() as AddressInfo).port, message, close: () => server.close() };
}

describe('code senders', () => {
  it('sends a code by SMTP when a URL is configured', async () => {
    const smtp = await fakeSmtp();
    try {
      const senders = codeSenders({ smtpUrl: `smtp://127.0.0.1:${smtp.port}?ignoreTLS=true`, from: 'Custodia <no-reply@shop.example>' });
      expect(senders.email).toBeInstanceOf(SmtpMailer);
      const msg = codeMessage('en', '123456', 10);
      await senders.email.send({ to: 'li@example.cn', subject: msg.subject, text: msg.text });
      const raw = await smtp.message;
      expect(raw).toContain('To: li@example.cn');
      expect(raw).toContain('123456');
      // SMS still goes to the dev mailbox until a provider is plugged in
      expect(senders.sms).toBeInstanceOf(DevMailbox);
    } finally {
      smtp.close();
    }
  });

  it('keeps email and SMS in the dev mailbox without SMTP', async () => {
    const senders = codeSenders({ from: 'x <x@y.z>' });
    await senders.email.send({ to: 'A@example.cn', subject: 's', text: 'code 111111' });
    await senders.sms.send({ to: '+8613800000000', text: 'code 222222' });
    expect(senders.mailbox!.list('a@example.cn')).toEqual([expect.objectContaining({ channel: 'email', text: 'code 111111' })]);
    expect(senders.mailbox!.list('+8613800000000')[0].channel).toBe('sms');
  });

  it('words the code message in each language', () => {
    expect(codeMessage('zh-Hans', '000001', 10).text).toContain('000001');
    expect(codeMessage('zh-Hant', '000001', 10).subject).toBe('您的驗證碼');
    expect(codeMessage('fr', '000001', 10).subject).toBe('Your verification code');
  });
});

describe('export archive', () => {
  it('quotes CSV fields and neutralises spreadsheet formulas', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField(null)).toBe('');
    expect(toCsv([{ a: 1, b: 'x' }, { a: 2, c: 'y' }])).toBe('a,b,c\r\n1,x,\r\n2,,y\r\n');
  });

  it('adds connected sources as JSON and CSV, and a README in the language asked', () => {
    const answer = {
      subject: { id: 'sub_1', role: 'customer', regimes: ['pipl'], language: 'zh-Hans', status: 'active' }, processed: true,
      data: [{ category: 'phone', label: '手机号码', value: '13800000000', retentionClass: 'standard', collectedAt: '2026-01-01T00:00:00.000Z' }],
      purposes: [], sources: [], recipients: [], declaredRecipients: [], rights: [], complaint: [], accessReport: [],
      connected: { 'crm.orders': [{ id: 7, total: '19.90' }] },
    } satisfies AccessAnswer;
    const files = unzipSync(buildExportZip(answer, 'zh-Hant', 'Shop', new Date('2026-02-01T00:00:00Z')));
    expect(Object.keys(files).sort()).toEqual(['README.md', 'connected/crm.orders.csv', 'connected/crm.orders.json', 'data.csv', 'data.json', 'processing.json']);
    expect(strFromU8(files['README.md'])).toContain('個人資料副本');
    expect(strFromU8(files['connected/crm.orders.csv'])).toBe('id,total\r\n7,19.90\r\n');
    expect(JSON.parse(strFromU8(files['data.json'])).data[0].value).toBe('13800000000');
  });
});
