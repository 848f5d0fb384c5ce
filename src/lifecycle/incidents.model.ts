// Incidents as the services store and show them: the incident document, how to find the people, and the views.
import { z } from 'zod';
import type { BreachClock } from '../law/index.ts';
import { BREACH_CHANNELS, IncidentSchema, type BreachChannel, type Incident } from './breach.model.ts';
import type { BreachSeverity } from './breach.severity.ts';

const instant = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'an ISO 8601 date and time');

/** Where to look for affected people: the vault (holders of the categories), sharing records, reads in the audit log. */
export const IncidentScopeSchema = z.strictObject({
  /** Everyone holding one of the incident's categories; the default when no recipient or actor is named. */
  vault: z.boolean().optional(),
  /** Recipients named by the incident: people whose data in these categories was shared with them in the window. */
  recipients: z.array(z.string().min(1).max(100)).max(100).default([]),
  /** Actors (`service:KEY`, `staff:KEY`, or `*` for any) whose reads of these categories in the window exposed people. */
  actors: z.array(z.string().min(1).max(200)).max(100).default([]),
  /** The window; defaults: the incident's start and discovery. */
  from: instant.optional(),
  to: instant.optional(),
});
export type IncidentScope = z.infer<typeof IncidentScopeSchema>;

/** A new incident: the breach document with an optional scope. */
export const NewIncidentSchema = IncidentSchema.extend({ scope: IncidentScopeSchema.optional() });
export type NewIncident = z.input<typeof NewIncidentSchema>;

/** How the people were found (bits of incident_subjects.via). */
export const VIA = { vault: 1, shares: 2, audit: 4 } as const;

/** One clock with whether it is met and whether it is overdue. */
export type IncidentClock = BreachClock & { done: boolean; overdue: boolean };

/** An incident with its counts, severity and clocks. */
export interface IncidentView {
  id: string;
  status: string;
  incident: Incident;
  scope: IncidentScope | Record<string, never>;
  createdAt: string;
  createdBy: string;
  scopedAt: string | null;
  affected: { total: number; vault: number; shares: number; audit: number; byLanguage: Record<string, number> };
  notices: { total: number; people: number; byStatus: Record<string, number>; byChannel: Record<string, number> };
  severity: BreachSeverity;
  clocks: IncidentClock[];
  overdue: boolean;
  reported: Record<string, { at: string; reference: string | null; by: string }>;
}

/** Statuses a sender reports back for one notice. */
export const NOTICE_STATUSES = ['queued', 'sent', 'delivered', 'failed'] as const;

/** A sender's report on notices it handled. */
export const NoticeUpdatesSchema = z.strictObject({
  updates: z.array(z.strictObject({ subjectId: z.string().min(1).max(100), channel: z.enum(BREACH_CHANNELS), status: z.enum(['sent', 'delivered', 'failed']), at: instant.optional(), error: z.string().max(200).optional() })).min(1).max(1000),
});

/** Channels to send, email by default. */
export const NotifySchema = z.strictObject({ channels: z.array(z.enum(BREACH_CHANNELS)).min(1).max(4).default(['email']) });
export type NotifyInput = { channels?: BreachChannel[] };
