// One way to ask the decision engine about a subject: facts from the subject row and the consent projection.
import { decide, type AccessPolicy, type Decision, type Operation } from '../access/index.ts';
import type { ConsentProjection } from '../consent/index.ts';
import type { Principal } from '../principals/index.ts';
import type { Subject } from '../subjects/index.ts';

/** Decides a principal's use of a subject's categories for a purpose; call `projection.warm(subject.id)` first. */
export function decideFor(policy: AccessPolicy, projection: ConsentProjection, principal: Principal, subject: Subject, purpose: string, categories: readonly string[], operation?: Operation): Decision {
  return decide(policy, {
    actor: { kind: principal.kind, role: principal.role, department: principal.department, purposes: principal.purposes },
    subject: {
      role: subject.role,
      regimes: subject.regimes,
      restricted: subject.status === 'restricted',
      objections: projection.objections(subject.id),
      consents: (pid) => projection.check(subject.id, pid),
      permissionsOff: projection.permissionsOff(subject.id),
    },
    purpose,
    categories,
    operation,
  });
}
