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
export { IncidentSchema, BREACH_VECTORS, BREACH_CHANNELS, type Incident, type BreachVector, type BreachChannel, type BreachDraft, type LocalText } from './breach.model.ts';
export { classifyBreachSeverity, isUniqueId, type BreachSeverity } from './breach.severity.ts';
export { draftBreachNotices, type DraftOptions } from './breach.drafts.ts';
export { draftRegulatorReport, incidentClocks, type RegulatorOptions, type RegulatorReport } from './breach.regulator.ts';
export { BREACH_MESSAGES } from './breach/messages/breach.messages.ts';
export type { BreachMessages, HarmKind } from './breach/messages/breach.messages.model.ts';
