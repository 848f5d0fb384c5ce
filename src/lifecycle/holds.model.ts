// Legal holds as the API and services see them: statutory periods, litigation, a regulator's order.
import { z } from 'zod';

/** Why data must be kept. */
export const HOLD_KINDS = ['statutory', 'litigation', 'regulator-order', 'other'] as const;
export type HoldKind = (typeof HOLD_KINDS)[number];

const instant = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'an ISO 8601 date and time');

/** A new hold: it names people, categories or both, and says why (reason, statute or case reference) and until when. */
export const HoldInputSchema = z
  .strictObject({
    kind: z.enum(HOLD_KINDS),
    reason: z.string().min(1).max(2000),
    /** The statute, case number or order reference. */
    reference: z.string().min(1).max(500),
    subjects: z.array(z.string().min(1).max(100)).max(10_000).default([]),
    categories: z.array(z.string().min(1).max(100)).max(200).default([]),
    endsAt: instant.optional(),
  })
  .refine((h) => h.subjects.length + h.categories.length > 0, { message: 'a hold names subjects, categories or both', path: ['subjects'] });
export type HoldInput = z.input<typeof HoldInputSchema>;

/** A hold as listed. */
export interface Hold {
  id: string;
  kind: HoldKind;
  reason: string;
  reference: string;
  subjects: string[];
  categories: string[];
  endsAt: string | null;
  createdBy: string;
  createdAt: string;
  valuesHeld: number;
  active: boolean;
  releasedAt: string | null;
  releasedBy: string | null;
  releaseReason: string | null;
}
