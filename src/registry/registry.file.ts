// Reads a registry file from disk; the only file-system access in the registry pillar, kept apart for the CLI.
import { readFileSync } from 'node:fs';
import { loadRegistry, type LoadResult } from './registry.loader.ts';

/** Loads a registry from a path; an unreadable file is one problem, not an exception. */
export function loadRegistryFile(path: string): LoadResult {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : 'file cannot be read';
    return { ok: false, problems: [{ file: path, line: 0, col: 0, path: '(file)', message: reason, code: 'REGISTRY_YAML' }] };
  }
  return loadRegistry(text, path);
}
