// A personal-data breach as the drafts and the severity classification see it; no personal values, only categories and counts.
import { z } from 'zod';
import { LANGUAGES, REGIMES, type Labels } from '../registry/index.ts';

/** How the data got out. */
export const BREACH_VECTORS = ['external-intrusion', 'insider', 'loss', 'misdelivery', 'other'] as const;
export type BreachVector = (typeof BREACH_VECTORS)[number];

/** The channels a notice to people is drafted for (GB/T 35273 10.2: email, letter, phone, push). */
export const BREACH_CHANNELS = ['email', 'letter', 'phone', 'push'] as const;
export type BreachChannel = (typeof BREACH_CHANNELS)[number];

const text = z.union([z.string().min(1), z.partialRecord(z.enum(LANGUAGES), z.string().min(1))]);
const instant = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'an ISO 8601 date and time');

/** Incident schema: text fields are English strings or text per language. */
export const IncidentSchema = z.strictObject({
  id: z.string().min(1),
  title: text,
  /** What happened and why, without personal values. */
  description: text,
  startedAt: instant,
  discoveredAt: instant,
  /** Registry category ids of the data involved. */
  categories: z.array(z.string()).min(1),
  vector: z.enum(BREACH_VECTORS),
  affectedCount: z.number().int().nonnegative(),
  /** Approximate number of records (GDPR 33(3)(a)). */
  records: z.number().int().nonnegative().optional(),
  regimes: z.array(z.enum(REGIMES)).min(1),
  /** Remedial measures already taken. */
  measures: text,
  /** Extra steps people can take, beyond those derived from the categories. */
  advice: text.optional(),
  contact: z.strictObject({ name: text.optional(), email: z.string().optional(), phone: z.string().optional(), url: z.string().optional(), hours: text.optional() }),
  /** PIPA Decree 39-3: a leak that is only possible so far. */
  possible: z.boolean().optional(),
  /** PIPA Decree 40: path known and data recovered or deleted. */
  recovered: z.boolean().optional(),
  /** PIPL 57 para 2: measures effectively avoid harm. */
  harmAvoided: z.boolean().optional(),
  /** CAC 2025 incident grade. */
  grade: z.enum(['general', 'relatively-major', 'major', 'especially-major']).optional(),
  ciio: z.boolean().optional(),
});

/** A breach incident. */
export type Incident = z.infer<typeof IncidentSchema>;

/** Text in English or per language. */
export type LocalText = string | Labels;

/** One drafted notice to people, for one language and channel; `{{...}}` placeholders are filled per person by the sender. */
export interface BreachDraft {
  lang: (typeof LANGUAGES)[number];
  channel: BreachChannel;
  subject?: string;
  body: string;
  placeholders: string[];
  /** The notice duties the content answers (PIPL-57-1, PIPA-34-1, GDPR-34-1). */
  rules: string[];
}
