// Wording of breach notices and regulator reports: one object per language, a missing key fails the type check.
import type { Language, Regime } from '../../../registry/index.ts';
import type { BreachVector } from '../../breach.model.ts';

/** What a category of data exposes people to; picks the harm and advice sentences. */
export type HarmKind = 'phishing' | 'identity-theft' | 'financial-fraud' | 'account-takeover' | 'physical-safety' | 'sensitive-exposure' | 'biometric' | 'general';

/** Headings of a notice to people. */
export interface NoticeHeadings {
  items: string; when: string; harm: string; measures: string; advice: string; help: string; dpo: string; report: string; remedies: string;
}

/** Field names of a regulator report. */
export interface ReportFields {
  reporter: string; incident: string; title: string; nature: string; categories: string; sensitive: string; affected: string; records: string;
  started: string; discovered: string; cause: string; harm: string; measures: string; advice: string; individuals: string;
  contact: string; dpo: string; due: string; severity: string; delay: string; followUp: string;
}

/** Everything a breach notice and report say, in one language. */
export interface BreachMessages {
  listSeparator: string;
  /** Marks a heading line in plain-text notices. */
  headingMark: string;
  /** Joins sentences in one paragraph. */
  sentenceGap: string;
  labelSeparator: string;
  /** "and N more" after the first items in a short message. */
  more: (shown: number, total: number) => string;
  dateTime: (y: number, mo: number, d: number, h: number, mi: number, offsetMinutes: number) => string;
  subject: (org: string, title: string) => string;
  subjectPossible: (org: string, title: string) => string;
  greeting: string;
  opening: (org: string) => string;
  openingPossible: (org: string) => string;
  headings: NoticeHeadings;
  when: (started: string, discovered: string) => string;
  cause: (vector: string) => string;
  vectors: Record<BreachVector, string>;
  harms: Record<HarmKind, string>;
  advice: Record<HarmKind, string>;
  contactLabels: { email: string; phone: string; web: string; hours: string };
  followUp: string;
  reportTo: { pipl: string; pipa: string; gdpr: (authority?: string) => string };
  remedies: Record<Regime, string>;
  closing: string;
  letterHead: string;
  phone: { intro: (org: string) => string; noSecrets: string; items: (items: string) => string; measures: string; advice: string; callback: (contact: string) => string; end: string };
  push: { title: (org: string) => string; body: (items: string) => string; bodyPossible: (items: string) => string };
  report: {
    title: string;
    authorities: Record<Regime, string>;
    fields: ReportFields;
    yes: string;
    no: string;
    count: (n: number) => string;
    immediately: string;
    noHourLimit: string;
    notRequired: string;
    individualsPlan: (languages: string) => string;
    individualsSkipped: string;
    followUp: string;
    severities: { low: string; medium: string; high: string; critical: string };
  };
}

/** Breach messages per language. */
export type BreachCatalogue = Record<Language, BreachMessages>;
