// GDPR Art. 30 records of processing built from the registry, with an issue for each missing required field.
import type { Labels, LegalBasis, Registry, Regime, Retention } from '../registry/index.ts';
import { categoryRefs, lacksSafeguard, recipientRefs, roleRefs, type CategoryRef, type Named, type RecipientRef } from './lifecycle.refs.ts';

type Person = NonNullable<Registry['organization']['privacyOfficer']>;

/** A missing item of the record, citing GDPR-30-1; `purpose` is null for the controller part. */
export interface RopaIssue {
  rule: 'GDPR-30-1';
  purpose: string | null;
  field: 'controller-contact' | 'roles' | 'retention' | 'security' | 'safeguard';
  /** The recipient concerned, for a transfer without a safeguard. */
  subject?: string;
  message: string;
}

/** One processing activity: a registry purpose with everything Art. 30(1) asks for. */
export interface RopaActivity {
  id: string;
  labels: Labels;
  description?: Labels;
  legalBasis: LegalBasis;
  legitimateInterest?: Labels;
  roles: (Named & { minAge?: number })[];
  categories: CategoryRef[];
  recipients: RecipientRef[];
  /** Recipients abroad under at least one of the organization's regimes. */
  transfers: RecipientRef[];
  retention?: Retention;
  security: Named[];
  assessment?: { id: string; date?: string; approved: boolean };
  issues: RopaIssue[];
}

/** The whole record of processing activities. */
export interface Ropa {
  controller: {
    names: Labels;
    contact: Registry['organization']['contact'];
    privacyOfficer?: Person;
    representative?: Person;
    supervisoryAuthority?: Labels;
  };
  regimes: Regime[];
  languages: Registry['organization']['languages'];
  version: string;
  effectiveDate: string;
  activities: RopaActivity[];
  issues: RopaIssue[];
  /** PIPL 56: records of processing are kept at least this many years. */
  keepYears: 3;
}

function activity(reg: Registry, p: Registry['purposes'][number]): RopaActivity {
  const recipients = recipientRefs(reg, p);
  const security = reg.security.map((s) => ({ id: s.id, labels: s.labels }));
  const issue = (field: RopaIssue['field'], message: string, subject?: string): RopaIssue => ({ rule: 'GDPR-30-1', purpose: p.id, field, ...(subject ? { subject } : {}), message });
  const issues: RopaIssue[] = [];
  if (!p.roles?.length) issues.push(issue('roles', `purpose "${p.id}" does not name the categories of people`));
  if (!p.retention) issues.push(issue('retention', `purpose "${p.id}" has no retention period`));
  if (security.length === 0) issues.push(issue('security', `no security measures are recorded for purpose "${p.id}"`));
  for (const r of recipients) if (lacksSafeguard(r)) issues.push(issue('safeguard', `transfer to "${r.id}" (${r.country}) has no safeguard`, r.id));
  const a: RopaActivity = {
    id: p.id, labels: p.labels, legalBasis: p.legalBasis, roles: roleRefs(reg, p), categories: categoryRefs(reg, p),
    recipients, transfers: recipients.filter((r) => r.abroadUnder.length > 0), security, issues,
  };
  if (p.description) a.description = p.description;
  if (p.legitimateInterest) a.legitimateInterest = p.legitimateInterest;
  if (p.retention) a.retention = p.retention;
  if (p.assessment) a.assessment = p.assessment;
  return a;
}

/** Builds the GDPR Art. 30 record of processing activities from a registry; pure. */
export function buildRopa(registry: Registry): Ropa {
  const o = registry.organization;
  const c = o.contact;
  const controllerIssues: RopaIssue[] = c.email || c.phone || c.url || c.address
    ? []
    : [{ rule: 'GDPR-30-1', purpose: null, field: 'controller-contact', message: 'the controller has no contact details' }];
  const activities = registry.purposes.map((p) => activity(registry, p));
  const controller: Ropa['controller'] = { names: o.names, contact: o.contact };
  if (o.privacyOfficer) controller.privacyOfficer = o.privacyOfficer;
  if (o.representative) controller.representative = o.representative;
  if (o.supervisoryAuthority) controller.supervisoryAuthority = o.supervisoryAuthority;
  return {
    controller, regimes: o.regimes, languages: o.languages, version: o.version, effectiveDate: o.effectiveDate, activities,
    issues: [...controllerIssues, ...activities.flatMap((a) => a.issues)], keepYears: 3,
  };
}
