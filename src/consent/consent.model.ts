// Consent input and record shapes: what a service sends to grant or withdraw, and what is stored.
import { z } from 'zod';
import { LANGUAGES } from '../registry/index.ts';

/** Affirmative actions, plus the four that are never consent (kept so they can be refused by rule). */
export const CONSENT_ACTIONS = ['button', 'checkbox', 'toggle', 'signature', 'voice', 'continued-use', 'pre-ticked', 'silence', 'bundled-with-terms'] as const;
/** Channels a consent can be given through. */
export const CHANNELS = ['web', 'app', 'paper', 'phone', 'in-person', 'api'] as const;

const proof = {
  channel: z.enum(CHANNELS),
  language: z.enum(LANGUAGES).optional(),
  userAgent: z.string().max(500).optional(),
  ip: z.union([z.ipv4(), z.ipv6()]).optional().describe('stored truncated: /24 for IPv4, /48 for IPv6'),
  region: z.string().max(50).optional(),
  actor: z.enum(['subject', 'guardian', 'agent']).default('subject'),
  guardianRef: z.string().max(200).optional().describe('reference to the guardian verification record'),
  occurredAt: z.iso.datetime().optional(),
};

/** A grant: one or more purposes (with recipients for sharing), the kind and the proof of what was shown. */
export const GrantInput = z.object({
  purposes: z.array(z.object({ purpose: z.string().min(1).max(100), recipient: z.string().min(1).max(100).optional() })).min(1).max(50),
  kind: z.enum(['general', 'explicit', 'separate', 'written']),
  action: z.enum(CONSENT_ACTIONS),
  registryVersion: z.number().int().positive(),
  noticeHash: z.string().regex(/^[a-f0-9]{64}$/, 'the SHA-256 (hex) of the notice text shown'),
  ...proof,
});
export type GrantInput = z.infer<typeof GrantInput>;

/** A withdrawal: one purpose (and recipient), as easy as the grant. */
export const WithdrawInput = z.object({
  purpose: z.string().min(1).max(100),
  recipient: z.string().min(1).max(100).optional(),
  action: z.enum(CONSENT_ACTIONS).default('button'),
  ...proof,
});
export type WithdrawInput = z.infer<typeof WithdrawInput>;

/** A device permission switch. */
export const PermissionInput = z.object({ enabled: z.boolean(), action: z.enum(CONSENT_ACTIONS).default('toggle'), ...proof });
export type PermissionInput = z.infer<typeof PermissionInput>;

/** One event ready to be written (sequence number assigned by the writer). */
export interface PreparedEvent {
  subjectId: string;
  type: 'consent' | 'permission';
  event: 'grant' | 'withdraw' | 'on' | 'off';
  target: string;
  recipient: string;
  kind: string | null;
  action: string;
  registryVersion: number;
  scopeHash: string | null;
  noticeHash: string | null;
  channel: string;
  language: string | null;
  userAgent: string | null;
  ipPrefix: string | null;
  region: string | null;
  actor: string;
  occurredAt: Date;
}

/** A written event with its number and signed receipt. */
export interface RecordedEvent {
  id: string;
  subjectId: string;
  seq: string;
  type: 'consent' | 'permission';
  event: PreparedEvent['event'];
  target: string;
  recipient: string | null;
  receipt: string;
}

/** The answer of a consent check. */
export type ConsentStatus = 'granted' | 'stale' | 'absent';

/** Keeps the network part of an address only: IPv4 /24, IPv6 /48. */
export function truncateIp(ip: string | undefined): string | null {
  if (!ip) return null;
  if (ip.includes(':')) {
    const parts = ip.split('::')[0].split(':').slice(0, 3);
    return `${parts.join(':')}::/48`;
  }
  return `${ip.split('.').slice(0, 3).join('.')}.0/24`;
}
