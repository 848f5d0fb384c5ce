import { describe, expect, it } from 'vitest';
import { runCli } from '../../../test/cli-harness.ts';

describe('custodia validate', () => {
  it('exits 0 on a valid file', async () => {
    const r = await runCli(['validate', 'test/fixtures/minimal.yaml']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('valid');
  });
  it('exits 1 with file:line:col lines on a broken one, and 2 on usage errors', async () => {
    const r = await runCli(['validate', 'test/fixtures/broken.yaml']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^test\/fixtures\/broken\.yaml:\d+:\d+  purposes\[0\]\.categories\[1\]  "nope" is not a declared id in categories$/m);
    expect((await runCli(['validate'])).code).toBe(2);
    expect((await runCli(['validate', 'missing.yaml'])).out).toContain('file not found');
  });
});
