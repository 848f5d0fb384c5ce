// The yearly notice of use and provision history over HTTP (PIPA 20-2): generated from the audit log and sharing records.
import { z } from 'zod';
import { sharesBetween, usageHistoryNotice, usesBetween, yearWindow } from '../../history/index.ts';
import { LANGUAGES } from '../../registry/index.ts';
import { getSubject } from '../../subjects/index.ts';
import { actorOf, requirePermission } from '../plugins/auth.ts';
import { routes } from './route.ts';
import { authErrors, Problem } from './schemas.ts';
import { SubjectParams } from './subjects.ts';

const Item = z.object({ category: z.string(), label: z.string() });
const Notice = z.object({
  year: z.number(),
  language: z.enum(LANGUAGES),
  period: z.object({ from: z.string(), to: z.string() }),
  uses: z.array(z.object({ purpose: z.string(), label: z.string(), items: z.array(Item), count: z.number(), first: z.string(), last: z.string() })),
  provisions: z.array(z.object({ recipient: z.string(), name: z.string(), country: z.string().nullable(), purpose: z.string(), purposeLabel: z.string(), items: z.array(Item), date: z.string() })),
  law: z.array(z.string()),
  text: z.string(),
  html: z.string(),
});

/** The last complete calendar year in Korean time: the period a yearly notice normally covers. */
function lastYear(now = new Date()): number {
  return new Date(now.getTime() + 9 * 3600_000).getUTCFullYear() - 1;
}

export default routes('/v1/subjects', (app, ctx) => {
  app.get('/:id/usage-history', {
    onRequest: requirePermission(ctx, 'subjects:read'),
    schema: {
      summary: 'The yearly notice of how the subject\'s data was used and to whom it was provided (PIPA 20-2), as text and HTML',
      tags: ['history'],
      security: [{ apiKey: [] }],
      params: SubjectParams,
      querystring: z.object({
        year: z.coerce.number().int().min(2000).max(2100).optional().describe('calendar year in Korean time; defaults to the last complete year'),
        lang: z.enum(LANGUAGES).optional().describe('defaults to Korean, or the subject\'s language when it is one of the four'),
      }),
      response: { 200: Notice, 404: Problem, ...authErrors },
    },
  }, async (req) => {
    const subject = await getSubject(ctx.store.db, req.params.id);
    const year = req.query.year ?? lastYear();
    const { from, to } = yearWindow(year);
    await ctx.audit.flush();
    const [audit, shares] = await Promise.all([usesBetween(ctx.store.db, subject.id, from, to), sharesBetween(ctx.store.db, subject.id, from, to)]);
    const { registry } = await ctx.registry.load();
    const notice = usageHistoryNotice(registry, subject, { audit, shares, year, language: req.query.lang });
    await ctx.audit.append({ actor: actorOf(req), action: 'history.notice', subject: subject.id, details: { year, language: notice.language, uses: notice.uses.length, provisions: notice.provisions.length } });
    return notice;
  });
});
