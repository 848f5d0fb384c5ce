// `custodia serve`: the API and web UI on the embedded database (or PostgreSQL via DATABASE_URL).
import { loadConfig } from '../../config.ts';
import { startServer } from '../../server.ts';
import { parseCommandArgs, UsageError, type CliCommand } from '../cli.io.ts';

export const command: CliCommand = {
  summary: 'start the API server (embedded PGlite in ./data unless DATABASE_URL is set)',
  usage: 'custodia serve [--port 8080] [--host 127.0.0.1] [--data ./data] [--registry FILE]',
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { port: { type: 'string' }, host: { type: 'string' }, data: { type: 'string' }, registry: { type: 'string' } });
    if (positionals.length > 0) throw new UsageError(`unexpected argument ${positionals[0]}`);
    const config = loadConfig({
      ...process.env,
      ...(values.port ? { PORT: values.port } : {}),
      ...(values.host ? { HOST: values.host } : {}),
      ...(values.data ? { CUSTODIA_DATA_DIR: values.data } : {}),
    });
    const server = await startServer(config, { registryFile: values.registry, print: io.err });
    io.err(`custodia: listening on ${server.url} (${server.ctx.store.kind}); Ctrl-C stops`);
    await new Promise<void>((resolve) => {
      const onSignal = () => {
        io.err('custodia: stopping');
        server.stop().then(resolve, resolve);
      };
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
    });
    return 0;
  },
};
