// Automated decisions as recorded: category references, a non-personal summary, the model version and main factors.
import { z } from 'zod';

/** One main factor of a decision: a name, its weight, and whether it pushed toward or against the outcome. */
export const Factor = z.strictObject({
  name: z.string().min(1).max(120),
  weight: z.number().min(0).max(1).describe('share of the decision this factor carried, 0..1'),
  direction: z.enum(['positive', 'negative']).describe('positive: in the person\'s favour; negative: against them'),
  category: z.string().min(1).max(100).optional().describe('the registry category the factor was computed from'),
});
export type Factor = z.infer<typeof Factor>;

/** What a service sends to record a decision. Inputs are references, never values (PIPL 24, GDPR 22). */
export const NewDecision = z.strictObject({
  purpose: z.string().min(1).max(100),
  outcome: z.string().min(1).max(120).describe('a short code or phrase such as "declined" or "limit-lowered"'),
  inputs: z.strictObject({
    categories: z.array(z.string().min(1).max(100)).min(1).max(100),
    summary: z.string().max(500).optional().describe('a non-personal description of the inputs; identifiers are refused'),
  }),
  modelVersion: z.string().min(1).max(100),
  factors: z.array(Factor).min(1).max(20),
  decidedAt: z.iso.datetime({ offset: true }).optional(),
});
export type NewDecision = z.infer<typeof NewDecision>;

/** A recorded decision. */
export interface AdmDecision {
  id: string;
  subjectId: string;
  purpose: string;
  outcome: string;
  inputs: { categories: string[]; summary: string | null };
  modelVersion: string;
  factors: Factor[];
  significant: boolean;
  registryVersion: number;
  recordedBy: string;
  decidedAt: string;
}

/** Which decisions a caller may see: all, or those of the listed purposes (services by binding, agents by department). */
export type AdmScope = { all: true } | { all: false; purposes: readonly string[] };
