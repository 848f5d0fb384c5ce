// Rights pillar: data-subject requests end to end — verification, deadlines, fees, answers, exports, rectification, erasure, closure.
export * from './rights.model.ts';
export { RightsService, REFUSAL_CODES, type RightsDeps } from './rights.service.ts';
export { RightsVerifier, normalizeContact, type PersonSession, type VerifyOptions } from './rights.verify.ts';
export { registerRightsJobs, processRequest, RIGHTS_ACTOR } from './rights.jobs.ts';
export { requestDeadline, extendDeadline, isOverdue, copyFee, feePeriodStart, addDuration, type CopyFee, type DeadlineOptions } from './rights.deadline.ts';
export { buildAccessAnswer, complaintRoutes, type AccessAnswer } from './rights.answer.ts';
export { buildExportZip, toCsv, csvField } from './rights.export.ts';
export { describeHolds, heldCategories, type HeldCategory } from './rights.holds.ts';
export { notifyRecipients, type NotifiedRecipient } from './rights.erase.ts';
export { codeSenders, DevMailbox, SmtpMailer, type CodeSenders, type Mailer, type SmsSender, type OutgoingMessage } from './rights.mail.ts';
export type { RequestScope } from './rights.store.ts';
