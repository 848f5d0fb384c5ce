// Schemas of the rights routes: request views (allow-lists without personal values) and parameters.
import { z } from 'zod';

const Deadline = z.object({ regime: z.string(), rule: z.string(), basis: z.string(), immediate: z.boolean(), extended: z.boolean().optional() });

/** A request as the API shows it: ids, dates, statuses and category names; never personal values. */
export const RequestView = z.object({
  id: z.string(),
  subjectId: z.string(),
  type: z.string(),
  status: z.string(),
  requester: z.string(),
  channel: z.string(),
  proofRef: z.string().nullable(),
  relationship: z.string().nullable(),
  language: z.string(),
  input: z.record(z.string(), z.unknown()),
  receivedAt: z.string(),
  dueAt: z.string(),
  overdue: z.boolean(),
  deadline: Deadline,
  extension: z.object({ at: z.string(), reason: z.string() }).nullable(),
  reviewReason: z.string().nullable(),
  result: z.record(z.string(), z.unknown()).nullable(),
  outcome: z.object({ code: z.string(), text: z.string() }).nullable(),
  fee: z.object({ amount: z.number(), currency: z.string(), copyNo: z.number() }).nullable(),
  lastError: z.string().nullable(),
  closedAt: z.string().nullable(),
}).meta({ id: 'RightsRequest' });

/** A request with its status history. */
export const RequestWithEvents = RequestView.extend({ events: z.array(z.object({ at: z.string(), actor: z.string(), event: z.string(), details: z.record(z.string(), z.unknown()) })) });

/** Path parameter of request routes. */
export const RequestParams = z.object({ id: z.string().regex(/^req_[a-f0-9]{32}$/, 'a request id such as req_0123…') });
