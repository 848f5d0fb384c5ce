import { describe, it, expect } from 'vitest';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { Utf8Chunks } from './utf8-chunks.ts';
import { detect } from './detect.ts';
import { redact } from './redact.ts';
import { redactStream, scanStream } from './stream.ts';

const SAMPLE = [
  '张三的身份证号是110105199003071239，手机13800138000，邮箱zhang.san@example.com。\n',
  '주민등록번호 900101-1234568, 전화 010-1234-5678 😀 ',
  'Name: John Smith, Address: 12 Main St, Springfield; DOB: 1990-03-07\n',
  '香港身份證 A123456(3)，台灣 F135792464，卡号 6212 3456 7890 1232。',
];

function chunked(buf: Buffer, sizes: number[]): Readable {
  const parts: Buffer[] = [];
  for (let i = 0, k = 0; i < buf.length; k++) {
    const n = sizes[k % sizes.length];
    parts.push(buf.subarray(i, i + n));
    i += n;
  }
  return Readable.from(parts);
}

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe('scanStream', () => {
  const text = Array.from({ length: 400 }, (_, i) => SAMPLE[i % SAMPLE.length] + 'x'.repeat(i % 37)).join('');
  const buf = Buffer.from(text);

  it('yields the same findings as detect() for any chunking, across window boundaries', async () => {
    const expected = detect(text);
    for (const sizes of [[1], [3, 7, 1], [4096], [65536]]) {
      const got = await collect(scanStream(chunked(buf, sizes), { windowChars: 2048 }));
      expect(got).toEqual(expected);
    }
  });
  it('reports exact byte offsets even with invalid UTF-8 in the input', async () => {
    const bad = Buffer.concat([Buffer.from([0xff, 0xc3, 0x28, 0xe2, 0x82]), Buffer.from(' 手机13800138000 '), Buffer.from([0xf0, 0x9f]), Buffer.from('身份证110105199003071239')]);
    const got = await collect(scanStream(chunked(bad, [2, 5]), { windowChars: 2048 }));
    expect(got.map((f) => f.type)).toEqual(['cn-mobile', 'cn-resident-id']);
    for (const f of got) expect(bad.subarray(f.byteStart, f.byteEnd).toString()).toMatch(/^\d+$/);
  });
  it('redacts a stream exactly as redact() does on the whole text', async () => {
    const whole = redact(text, 'mask').text;
    const pieces = await collect(redactStream(chunked(buf, [777]), 'mask', { windowChars: 2048 }));
    expect(pieces.join('')).toBe(whole);
  });
  it('finds what detect() finds in the decoded text, with exact byte offsets, for any bytes and chunking', async () => {
    const pieces = [...SAMPLE, '１３８－１２３４－５６７８', '13800138000', '0', '9', '-', ' ', ':', '@', '身份证', 'A', '\n', 'a@b.co', '1.2.3.4']
      .map((p) => [...Buffer.from(p)]);
    const bad = [[0xff], [0x80], [0xe2, 0x82], [0xf0, 0x9f], [0xed, 0xa0, 0x80], [0xc0, 0xaf]];
    await fc.assert(fc.asyncProperty(
      fc.array(fc.oneof(fc.constantFrom(...pieces), fc.constantFrom(...bad)), { maxLength: 400 }),
      fc.array(fc.integer({ min: 1, max: 700 }), { minLength: 1, maxLength: 4 }),
      async (parts, sizes) => {
        const bytes = Buffer.from(parts.flat());
        const text = new Utf8Chunks().decode(bytes, true);
        const got = await collect(scanStream(chunked(bytes, sizes), { windowChars: 2048 }));
        expect(got).toEqual(detect(text));
        for (const f of got) expect(new Utf8Chunks().decode(bytes.subarray(f.byteStart, f.byteEnd), true)).toBe(text.slice(f.start, f.end));
      },
    ), { numRuns: 150 });
  });
});
