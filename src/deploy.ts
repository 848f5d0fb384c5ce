// The private deployment config (deploy.yaml): settings that are not part of the public registry.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { ConnectorList } from './connectors/connectors.model.ts';

const Deploy = z.strictObject({
  access: z
    .strictObject({
      departments: z.record(z.string(), z.array(z.string())).optional(),
      maskFor: z.strictObject({ roles: z.array(z.enum(['admin', 'privacy-officer', 'agent', 'auditor', 'service'])).optional(), departments: z.array(z.string()).optional() }).optional(),
    })
    .default({}),
  connectors: ConnectorList.default([]),
});

/** Validated deployment settings. */
export type DeployConfig = z.infer<typeof Deploy>;

/** Reads deploy.yaml if given; an empty config otherwise. Errors name the path of the bad setting. */
export function loadDeployConfig(file?: string): DeployConfig {
  if (!file) return Deploy.parse({});
  const parsed = Deploy.safeParse(parse(readFileSync(file, 'utf8')) ?? {});
  if (!parsed.success) throw new Error(`invalid deployment config ${file}:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  return parsed.data;
}
