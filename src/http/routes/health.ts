// Liveness and readiness: answers without authentication and says whether the database answers.
import { sql } from 'kysely';
import { z } from 'zod';
import { routes } from './route.ts';

export default routes('', (app, ctx) => {
  app.get('/healthz', {
    schema: { summary: 'Liveness and database readiness', tags: ['system'], response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) }), 503: z.object({ status: z.literal('unavailable') }) } },
  }, async (_req, reply) => {
    try {
      await sql`select 1`.execute(ctx.store.db);
      return { status: 'ok' as const, database: ctx.store.kind };
    } catch {
      return reply.code(503).send({ status: 'unavailable' as const });
    }
  });
});
