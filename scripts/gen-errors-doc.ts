// Rewrites the table of docs/errors.md from src/errors.ts (src/errors.test.ts checks they agree).
import { readFileSync, writeFileSync } from 'node:fs';
import { ERRORS } from '../src/errors.ts';

const doc = readFileSync('docs/errors.md', 'utf8');
const head = doc.slice(0, doc.indexOf('| code | status | meaning |'));
const rows = Object.entries(ERRORS).map(([code, s]) => `| \`${code}\` | ${s.status} | ${s.title} |`);
writeFileSync('docs/errors.md', `${head}| code | status | meaning |\n| --- | --- | --- |\n${rows.join('\n')}\n`);
