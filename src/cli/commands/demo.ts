// `custodia demo SEED`: serves a seed's live registry with a few hundred synthetic people in their language.
import { existsSync } from 'node:fs';
import { loadConfig } from '../../config.ts';
import { DEMO_REGISTRIES, seedDemo } from '../../demo/index.ts';
import { startServer } from '../../server.ts';
import { parseCommandArgs, UsageError, type CliCommand } from '../cli.io.ts';

// A seed may ship its private deployment settings beside its registry (staff departments, connectors).
const deployFile = (seed: string) => DEMO_REGISTRIES[seed].replace('.live.yaml', '.deploy.yaml');

export const command: CliCommand = {
  summary: "start the server with a seed's live registry and synthetic people (000 broker, 001 Cybozu, 002 WeWork Labs, 003 shop, 004 KR marketplace)",
  usage: 'custodia demo 000|001|002|003|004 [--port 8080] [--data ./data/demo-SEED] [--people 300]',
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { port: { type: 'string' }, host: { type: 'string' }, data: { type: 'string' }, people: { type: 'string', default: '300' } });
    const seed = positionals[0];
    if (positionals.length !== 1 || !DEMO_REGISTRIES[seed]) throw new UsageError(`expected one seed: ${Object.keys(DEMO_REGISTRIES).join(', ')}`);
    const people = Number(values.people);
    if (!Number.isInteger(people) || people < 0 || people > 100_000) throw new UsageError('--people must be a whole number from 0 to 100000');
    const config = loadConfig({
      ...process.env,
      ...(values.port ? { PORT: values.port } : {}),
      ...(values.host ? { HOST: values.host } : {}),
      CUSTODIA_DATA_DIR: values.data ?? `./data/demo-${seed}`,
      ...(existsSync(deployFile(seed)) && !process.env.CUSTODIA_DEPLOY ? { CUSTODIA_DEPLOY: deployFile(seed) } : {}),
    });
    const server = await startServer(config, { registryFile: DEMO_REGISTRIES[seed], print: io.err });
    const { created, sample } = await seedDemo(server.ctx, people);
    if (created > 0) {
      io.err(`custodia demo ${seed}: created ${created} synthetic people; try these:`);
      for (const s of sample) io.err(`  ${s.id}${s.email ? `  email ${s.email}` : ''}${s.phone ? `  phone ${s.phone}` : ''}`);
    }
    io.err(`custodia demo ${seed}: listening on ${server.url}; privacy center at ${server.url}/, admin console at ${server.url}/admin; Ctrl-C stops`);
    await new Promise<void>((resolve) => {
      const stop = () => server.stop().then(resolve, resolve);
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return 0;
  },
};
