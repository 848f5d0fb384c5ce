// De-identification over HTTP: scan text for personal data (optionally redacted), and share aggregates only when
// they are k-anonymous and carry no identifiers.
import { z } from 'zod';
import { recordAudit } from '../../audit/index.ts';
import { checkKAnonymity, detect, redact } from '../../deid/index.ts';
import { AppError } from '../../errors.ts';
import { emitEvent } from '../../outbox/index.ts';
import { actorOf, requirePermission } from '../plugins/auth.ts';
import { routes } from './route.ts';
import { authErrors, Problem } from './schemas.ts';

const FindingView = z.object({ type: z.string(), start: z.number(), end: z.number(), byteStart: z.number(), byteEnd: z.number(), masked: z.string(), checkDigit: z.union([z.boolean(), z.literal('not-applicable')]), confidence: z.number() });

export default routes('/v1', (app, ctx) => {
  const security = [{ apiKey: [] }];
  app.post('/scan', {
    onRequest: requirePermission(ctx, 'registry:read'),
    bodyLimit: 4 * 1024 * 1024,
    schema: {
      summary: 'Find personal data in text (zh-Hans, zh-Hant, ko, en); optionally return it masked or tagged',
      tags: ['deid'],
      security,
      body: z.object({ text: z.string().max(4_000_000), redact: z.enum(['mask', 'tag']).optional() }),
      response: { 200: z.object({ findings: z.array(FindingView), text: z.string().optional() }), ...authErrors },
    },
  }, async (req) => {
    if (req.body.redact) {
      const r = redact(req.body.text, req.body.redact);
      return { findings: r.findings, text: r.text };
    }
    return { findings: detect(req.body.text) };
  });

  app.post('/aggregates', {
    onRequest: requirePermission(ctx, 'data:share'),
    bodyLimit: 8 * 1024 * 1024,
    schema: {
      summary: 'Share an aggregate report outside: refused unless k-anonymous (k >= 5) over its quasi-identifiers and free of identifiers',
      tags: ['deid'],
      security,
      body: z.object({
        purpose: z.string().min(1).max(100),
        recipient: z.string().min(1).max(200).describe('who receives the report (a declared recipient id or a name)'),
        k: z.number().int().min(5).max(1000).default(5),
        quasiIdentifiers: z.array(z.string().min(1)).min(1).max(50),
        rows: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))).min(1).max(200_000),
      }),
      response: { 201: z.object({ id: z.string(), rows: z.number(), classes: z.number(), smallestClass: z.number() }), 422: Problem, ...authErrors },
    },
  }, async (req, reply) => {
    const { registry } = await ctx.registry.load();
    const b = req.body;
    if (!registry.purposes.some((p) => p.id === b.purpose)) throw new AppError('PURPOSE_UNKNOWN', `purpose "${b.purpose}" is not declared`);
    // PIPL 73 / GDPR recital 26: an aggregate leaves scope only when nobody in it can be singled out
    const columns = new Set<string>();
    for (const row of b.rows) for (const [col, v] of Object.entries(row)) if (typeof v === 'string' && !columns.has(col) && detect(v).length > 0) columns.add(col);
    if (columns.size > 0) throw new AppError('AGGREGATE_HAS_IDENTIFIERS', `columns ${[...columns].map((c) => `"${c}"`).join(', ')} hold identifiers`, { details: [...columns].map((c) => ({ path: `rows[].${c}`, message: 'holds an identifier' })), rule: 'PIPL-73-1' });
    const report = checkKAnonymity(b.rows, b.quasiIdentifiers, b.k);
    if (!report.ok) throw new AppError('AGGREGATE_NOT_ANONYMOUS', `${report.offendingClassSizes.length} group(s) are smaller than k=${b.k} (sizes ${report.offendingClassSizes.slice(0, 10).join(', ')})`, { rule: 'PIPL-73-1' });
    const id = `agg_${crypto.randomUUID().replace(/-/g, '')}`;
    await ctx.store.db.transaction().execute(async (trx) => {
      await recordAudit(trx, { actor: actorOf(req), action: 'aggregate.share', target: b.recipient, purpose: b.purpose, details: { aggregate: id, rows: report.rows, classes: report.classes, k: b.k, smallestClass: report.smallestClass } });
      await emitEvent(trx, 'aggregate.shared', { aggregate: id, recipient: b.recipient, purpose: b.purpose, rows: report.rows });
    });
    return reply.code(201).send({ id, rows: report.rows, classes: report.classes, smallestClass: report.smallestClass });
  });
});
