// What the yearly notice of use and provision history (PIPA 20-2) is made of.
import type { Language } from '../registry/index.ts';

/** One audited use of the subject's data (reads, automated decisions, writes), as the audit log records it. */
export interface UseRecord {
  at: string;
  action: string;
  purpose: string | null;
  categories: string[];
  decision?: string | null;
}

/** One provision to a recipient, as the sharing records keep it. */
export interface ProvisionRecord {
  recipient: string;
  purpose: string;
  categories: string[];
  sharedAt: string;
  country?: string;
}

/** Uses of one purpose within the year. */
export interface PurposeUse {
  purpose: string;
  label: string;
  items: { category: string; label: string }[];
  count: number;
  first: string;
  last: string;
}

/** One provision as the notice lists it. */
export interface Provision {
  recipient: string;
  name: string;
  country: string | null;
  purpose: string;
  purposeLabel: string;
  items: { category: string; label: string }[];
  date: string;
}

/** The notice: its parts, a plain text and an HTML rendering. */
export interface UsageHistoryNotice {
  year: number;
  language: Language;
  period: { from: string; to: string };
  uses: PurposeUse[];
  provisions: Provision[];
  law: string[];
  text: string;
  html: string;
}

/** Audit actions that count as a use of the subject's data. */
export const USE_ACTIONS = ['data.read', 'data.write', 'adm.decision'] as const;
