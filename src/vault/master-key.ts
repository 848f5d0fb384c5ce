// Loads the master key from the environment or a file beside the data (created on first start, readable by the owner only).
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { MasterKey } from './vault.crypto.ts';

/** The master key given as base64url text, or read from (or created in) `file`. */
export function loadMasterKey(opts: { value?: string; file: string; create: boolean }): { key: MasterKey; created: boolean } {
  if (opts.value) return { key: new MasterKey(Buffer.from(opts.value, 'base64url')), created: false };
  if (existsSync(opts.file)) return { key: new MasterKey(Buffer.from(readFileSync(opts.file, 'utf8').trim(), 'base64url')), created: false };
  if (!opts.create) throw new Error(`no master key: set CUSTODIA_MASTER_KEY or provide ${opts.file}`);
  mkdirSync(dirname(opts.file), { recursive: true });
  const raw = randomBytes(32);
  writeFileSync(opts.file, `${raw.toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  return { key: new MasterKey(raw), created: true };
}
