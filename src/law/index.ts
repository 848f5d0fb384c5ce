// Law pillar: the PIPL, PIPA and GDPR rule catalogue, lint, consent kinds, request deadlines and breach clocks; pure.
export type { Enforcer, Finding, Hit, LintContext, Rule, RuleKind, Severity, Text4 } from './law.model.ts';
export { CATALOGUE, ruleById, rulesOf } from './law.catalogue.ts';
export { lint, hasErrors, messageIn, type LintOptions } from './law.lint.ts';
export { requiredConsentKind, INVALID_CONSENT_ACTIONS, invalidConsentRules, CONSENT_KINDS, type ConsentKind, type ConsentRequirement, type ConsentQuery } from './law.consent.ts';
export { dueDate, type DueOptions, type DueResult, type Deadline, type RequestKind } from './law.deadlines.ts';
export { breachDeadlines, type BreachClock, type IncidentFacts } from './law.breach.ts';
export { PRC_CALENDAR, makeCalendar, isWorkingDay, addWorkingDays, addDays, addMonths, type WorkCalendar } from './law.calendar.ts';
export { EEA, GDPR_ADEQUATE, isAbroad, isSensitive } from './law.helpers.ts';
export { DEEMED_CONSENT, isDeemedConsent } from './law.clauses.ts';
