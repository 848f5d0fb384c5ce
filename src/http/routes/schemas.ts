// Schemas shared by routes: the problem document and common parameters.
import { z } from 'zod';

/** RFC 9457 problem details as Custodia sends them. */
export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number(),
    code: z.string(),
    detail: z.string(),
    instance: z.string(),
    requestId: z.string(),
    rule: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string(), code: z.string().optional(), line: z.number().optional(), col: z.number().optional() })).optional(),
  })
  .meta({ id: 'Problem' });

/** Standard error responses for authenticated routes. */
export const authErrors = { 401: Problem, 403: Problem } as const;
