// Wording of the records of processing and impact assessment reports: one object per language, a missing key fails the type check.
import type { Language } from '../../../registry/index.ts';
import type { PiaMeasure, PiaPoint, PiaRisk } from '../../lifecycle.pia.ts';
import type { PiaTriggerKind } from '../../lifecycle.pia-triggers.ts';
import type { RopaIssue } from '../../lifecycle.ropa.ts';

/** Everything the two reports say in their own words, in one language. */
export interface ReportMessages {
  ropaTitle: string;
  ropaIntro: (controller: string) => string;
  piaTitle: string;
  piasTitle: string;
  piaIntro: (controller: string) => string;
  /** PIPL 56: the report and processing records are kept at least three years. */
  keepNote: string;
  keepUntil: (date: string) => string;
  skipLink: string;
  sections: {
    controller: string; security: string; issues: string; needs: string;
    overview: string; processing: string; lawfulness: string; impact: string; adequacy: string; conclusion: string;
  };
  fields: {
    controller: string; dpo: string; representative: string; regimes: string; purpose: string; roles: string; categories: string;
    recipients: string; transfers: string; security: string; assessment: string; triggers: string; riskLevel: string;
    measures: string; adm: string; sensitivity: string; encrypted: string; items: string; risk: string; level: string;
    concerned: string; status: string; check: string; keep: string;
  };
  /** Caption of a processing record in the record of processing activities. */
  articleCaption: string;
  processingCaption: string;
  none: string;
  notStated: string;
  allSecurity: string;
  regimes: { pipl: string; pipa: string; gdpr: string };
  issue: Record<RopaIssue['field'], (subject: string) => string>;
  issueHeading: (purpose: string) => string;
  triggers: Record<PiaTriggerKind, string>;
  risks: Record<PiaRisk['kind'], string>;
  levels: { low: string; medium: string; high: string };
  pointOk: Record<PiaPoint['code'], string>;
  pointBad: Record<PiaPoint['code'], string>;
  measures: Record<PiaMeasure['source'], string>;
  onFile: (id: string, date?: string) => string;
  notOnFile: string;
  notNeeded: string;
  ok: string;
  attention: string;
  verdictOk: string;
  verdictAttention: string;
  admSignificant: string;
  admHumanReview: string;
}

/** Report messages per language. */
export type ReportCatalogue = Record<Language, ReportMessages>;
