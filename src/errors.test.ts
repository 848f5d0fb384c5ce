import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERRORS } from './errors.ts';

describe('error catalogue', () => {
  it('is documented in docs/errors.md, code for code, with the same status', () => {
    const doc = readFileSync('docs/errors.md', 'utf8');
    const documented = new Map([...doc.matchAll(/^\| `([A-Z_]+)` \| (\d{3}) \|/gm)].map((m) => [m[1], Number(m[2])]));
    for (const [code, spec] of Object.entries(ERRORS)) expect(documented.get(code), `${code} in docs/errors.md`).toBe(spec.status);
    for (const code of documented.keys()) expect(Object.keys(ERRORS), `${code} documented but not in src/errors.ts`).toContain(code);
  });
});
