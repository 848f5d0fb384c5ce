// The hot path: one access request against a compiled policy, answered with a shared frozen decision.
import { MASK_KIND, MASK_PURPOSE, type AccessPolicy, type CompiledPurpose } from './access.compile.ts';
import { MARKETING_OBJECTION, type AccessActor, type AccessRequest, type ConsentState, type Decision } from './access.model.ts';
import { regimeMask } from './access.table.ts';

/** Decides one request: checks run in a fixed order and the first that fails names the rule; anything unknown is denied. */
export function decide(policy: AccessPolicy, req: AccessRequest): Decision {
  const cp = policy.purposes.get(req.purpose);
  if (cp === undefined) return policy.purposeNotDeclared;
  const s = req.subject;
  const m = regimeMask(s.regimes);
  const actor = req.actor;
  const refused = actorRefusal(cp, actor, m);
  if (refused !== undefined) return refused;
  if (!cp.roles.has(s.role)) return cp.roleNotIn[m];

  const cats = req.categories;
  const n = cats.length;
  if (n === 0) return policy.noCategories;
  const maskedActor = policy.maskRoles.has(actor.role) || (actor.department != null && policy.maskDepartments.has(actor.department));
  const bits = maskedActor ? MASK_PURPOSE | MASK_KIND : MASK_PURPOSE;
  let masked = 0;
  let byRole = false;
  for (let i = 0; i < n; i++) {
    const f = cp.cats.get(cats[i]);
    if (f === undefined) return cp.categoryDeny.get(cats[i]) ?? cp.categoryUnknown;
    if ((f & bits) !== 0) {
      masked++;
      if ((f & bits) === MASK_KIND) byRole = true;
    }
  }

  const op = req.operation;
  if (op === undefined || op === 'read') {
    if (s.restricted === true) return policy.restricted[m];
    const basis = basisRefusal(policy, cp, req, m);
    if (basis !== undefined) return basis;
  } else if (op !== 'storage' && op !== 'security') {
    return policy.operationUnknown;
  }
  // PIPL 47 para 2: storage and security operations stay lawful where use must stop, so basis checks do not gate them.

  if (masked === 0) return cp.allow[m];
  const mixed = masked < n;
  if (byRole) return mixed ? cp.maskedRoleMixed[m] : cp.maskedRole[m];
  return mixed ? cp.maskedPurposeMixed[maskedActor ? 1 : 0][m] : cp.maskedPurpose[m];
}

function actorRefusal(cp: CompiledPurpose, actor: AccessActor, m: number): Decision | undefined {
  if (actor.kind === 'service' || actor.role === 'service') return actor.purposes.includes(cp.id) ? undefined : cp.notBound[m];
  switch (actor.role) {
    case 'admin':
    case 'privacy-officer':
      return undefined;
    case 'agent':
      return actor.department != null && cp.departments.has(actor.department) ? undefined : cp.notBound[m];
    default:
      // auditors read the audit log, never personal data; unknown roles likewise
      return cp.roleDenied[m];
  }
}

function basisRefusal(policy: AccessPolicy, cp: CompiledPurpose, req: AccessRequest, m: number): Decision | undefined {
  const s = req.subject;
  if (cp.noBasisUnderPipl && (m & 1) !== 0) return cp.basisUnavailable[m];
  if (cp.consent) {
    const c = s.consents;
    const state: ConsentState | undefined = typeof c === 'function' ? c(cp.id) : c.get(cp.id);
    if (state !== 'granted') {
      if (state === 'stale') return cp.stale[m];
      const age = s.age;
      const band = age === undefined ? 0 : (age < 14 ? 1 : 0) | (age < policy.childAge ? 2 : 0);
      return cp.absent[m * 4 + band];
    }
  }
  // GDPR 21 reaches legitimate interests, public task and direct marketing; consent purposes end by withdrawal, contract ones not at all
  const objections = s.objections;
  if (objections !== undefined && objections.length > 0) {
    if (cp.marketing && (objections.includes(MARKETING_OBJECTION) || objections.includes(cp.id))) return cp.objectionMarketing;
    if (cp.objectable && objections.includes(cp.id)) return cp.objectionLegitimate;
  }
  const off = s.permissionsOff;
  if (off !== undefined && off.length > 0) {
    const linked = cp.permissions;
    for (let i = 0; i < linked.length; i++) if (off.includes(linked[i])) return cp.permissionOff[i][m];
  }
  return undefined;
}
