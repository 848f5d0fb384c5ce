// `custodia keys list|create|rotate|revoke`: manage API keys, directly on the database or through the server.
import { createKey, listKeys, revokeKey, ROLES, rotateKey, type Role } from '../../principals/index.ts';
import { parseCommandArgs, UsageError, type CliCommand } from '../cli.io.ts';
import { apiError, withDataOrApi } from '../cli.target.ts';

const ACTOR = 'cli:local';

export const command: CliCommand = {
  summary: 'manage API keys: list, create (secret shown once), rotate, revoke',
  usage: 'custodia keys list | create --name N --role ROLE [--purpose P]... [--department D] | rotate ID | revoke ID  [--data DIR] [--url URL] [--format json]',
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      name: { type: 'string' },
      role: { type: 'string' },
      purpose: { type: 'string', multiple: true },
      department: { type: 'string' },
      data: { type: 'string' },
      url: { type: 'string' },
      format: { type: 'string', default: 'text' },
    });
    const [action, id] = positionals;
    const json = values.format === 'json';
    const target = { url: values.url, data: values.data };
    if (action === 'list') {
      const keys = await withDataOrApi(target, (s) => listKeys(s.db), async (api) => {
        const r = await api.call('GET', '/v1/keys');
        if (r.status !== 200) throw apiError(r);
        return r.json.keys;
      });
      if (json) io.out(JSON.stringify({ keys }));
      else for (const k of keys) io.out(`${k.id}  ${k.role.padEnd(15)} ${k.revokedAt ? 'revoked ' : 'active  '} ${k.name}${k.purposes.length ? `  purposes=${k.purposes.join(',')}` : ''}`);
      return 0;
    }
    if (action === 'create') {
      if (!values.name) throw new UsageError('--name is required');
      if (!values.role || !(ROLES as readonly string[]).includes(values.role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
      const purposes = values.purpose ?? [];
      if (values.role === 'service' && purposes.length === 0) throw new UsageError('a service key needs at least one --purpose');
      const input = { name: values.name, role: values.role as Role, department: values.department, purposes };
      const issued = await withDataOrApi(target, (s) => s.db.transaction().execute((trx) => createKey(trx, input, ACTOR)), async (api) => {
        const r = await api.call('POST', '/v1/keys', input);
        if (r.status !== 201) throw apiError(r);
        return r.json as { id: string; key: string };
      });
      io.out(json ? JSON.stringify(issued) : `created key ${issued.id} (shown once, store it now):\n${issued.key}`);
      return 0;
    }
    if (action === 'rotate' || action === 'revoke') {
      if (!id) throw new UsageError(`${action} needs a key ID`);
      if (action === 'rotate') {
        const next = await withDataOrApi(target, (s) => rotateKey(s.db, id, ACTOR), async (api) => {
          const r = await api.call('POST', `/v1/keys/${id}/rotate`);
          if (r.status !== 201) throw apiError(r);
          return r.json as { id: string; key: string };
        });
        io.out(json ? JSON.stringify(next) : `rotated ${id}; new key ${next.id} (shown once):\n${next.key}`);
      } else {
        await withDataOrApi(target, (s) => revokeKey(s.db, id, ACTOR), async (api) => {
          const r = await api.call('DELETE', `/v1/keys/${id}`);
          if (r.status !== 204) throw apiError(r);
        });
        io.out(json ? JSON.stringify({ revoked: id }) : `revoked ${id}`);
      }
      return 0;
    }
    throw new UsageError('expected list, create, rotate or revoke');
  },
};
