import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CLASS_TEXTS, TEXTS } from '../consent/banner.texts.ts';
import { LANGUAGES } from '../registry/index.ts';
import { buildBanner } from './banner-bundle.ts';

const gz = (s: string) => gzipSync(Buffer.from(s), { level: 9 }).length;

describe('banner bundle', () => {
  it('builds one minified IIFE with its CSS, under 15 KB gzipped together with the texts of all four languages', async () => {
    const b = await buildBanner();
    expect(b.code.startsWith('"use strict";(()=>{')).toBe(true);
    expect(b.code).toContain('.s[aria-checked=true]');
    expect(b.code).not.toMatch(/\bimport\b|\brequire\(/);
    const texts = LANGUAGES.map((l) => gz(JSON.stringify({ texts: TEXTS[l], classes: CLASS_TEXTS[l] }))).reduce((a, n) => a + n, 0);
    const total = gz(b.code) + texts;
    console.info(`banner.js ${b.code.length} B minified, ${gz(b.code)} B gzipped; with four languages ${total} B gzipped`);
    expect(total).toBeLessThan(15 * 1024);
  });

  it('is deterministic, so the SRI hash stays stable across restarts', async () => {
    const [a, b] = [await buildBanner(), await buildBanner()];
    expect(a.sri).toBe(b.sri);
    expect(a.sri).toMatch(/^sha384-[A-Za-z0-9+/]{64}$/);
  });
});
