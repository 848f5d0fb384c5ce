// Data-subject requests over HTTP: the privacy center under /v1/me, staff and services under /v1/requests, the dev mailbox.
import { z } from 'zod';
import personRoutes from './rights-person.ts';
import staffRoutes from './rights-staff.ts';
import { routes } from './route.ts';

export default routes('', async (app, ctx) => {
  await personRoutes(app, ctx);
  await staffRoutes(app, ctx);
  const mailbox = ctx.mailbox;
  if (mailbox) {
    app.get('/dev/mailbox', {
      schema: {
        summary: 'Development only: messages the server would have sent (codes by email and SMS)',
        tags: ['rights'],
        querystring: z.object({ to: z.string().max(320).optional() }),
        response: { 200: z.object({ messages: z.array(z.object({ channel: z.string(), to: z.string(), subject: z.string().optional(), text: z.string(), at: z.string() })) }) },
      },
    }, async (req) => ({ messages: mailbox.list(req.query.to) }));
  }
});
