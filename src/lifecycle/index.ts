// Lifecycle pillar: records of processing, impact assessments, breach notices and retention deadlines (pure parts).
export { buildRopa, type Ropa, type RopaActivity, type RopaIssue } from './lifecycle.ropa.ts';
export { buildPia, type Pia, type PiaMeasure, type PiaPoint, type PiaRisk } from './lifecycle.pia.ts';
export { purposesNeedingAssessment, piaTriggers, type AssessmentNeed, type PiaTrigger, type PiaTriggerKind } from './lifecycle.pia-triggers.ts';
export type { CategoryRef, Named, RecipientRef } from './lifecycle.refs.ts';
export { expiryFor, type Expiry, type ExpiryReason, type PurposeExpiry, type RetainedValue } from './retention.expiry.ts';
export { addIsoDuration, parseIsoDuration, type DurationParts } from './retention.duration.ts';
export { renderRopa, renderPia, type ReportFormat, type ReportOptions } from './report.render.ts';
export { REPORT_MESSAGES } from './report/messages/report.messages.ts';
export type { ReportMessages } from './report/messages/report.messages.model.ts';
