// Who can call Custodia: staff by role (and department) and service accounts bound to purposes.
/** Roles of principals. `service` is a system calling with an API key bound to purposes. */
export const ROLES = ['admin', 'privacy-officer', 'agent', 'auditor', 'service'] as const;
export type Role = (typeof ROLES)[number];

/** An authenticated caller. */
export interface Principal {
  id: string;
  name: string;
  kind: 'staff' | 'service';
  role: Role;
  department: string | null;
  purposes: string[];
}

/** What a principal may do; each route names one permission. */
export const PERMISSIONS = {
  'registry:read': ['admin', 'privacy-officer', 'agent', 'auditor', 'service'],
  'registry:publish': ['admin', 'privacy-officer'],
  'keys:manage': ['admin'],
  'audit:read': ['admin', 'privacy-officer', 'auditor'],
  'webhooks:manage': ['admin'],
  'subjects:read': ['admin', 'privacy-officer', 'agent', 'auditor', 'service'],
  'subjects:write': ['admin', 'privacy-officer', 'service'],
  'consent:read': ['admin', 'privacy-officer', 'agent', 'auditor', 'service'],
  'consent:write': ['admin', 'privacy-officer', 'service'],
  'consent:manage': ['admin', 'privacy-officer'],
  'data:write': ['admin', 'privacy-officer', 'service'],
  'data:read': ['admin', 'privacy-officer', 'agent', 'service'],
  'data:share': ['admin', 'privacy-officer', 'service'],
  'data:erase': ['admin', 'privacy-officer'],
  'rights:read': ['admin', 'privacy-officer', 'auditor'],
  'rights:submit': ['admin', 'privacy-officer', 'service'],
  'rights:manage': ['admin', 'privacy-officer'],
  'adm:read': ['admin', 'privacy-officer', 'agent', 'auditor', 'service'],
  'adm:write': ['service'],
  'retention:manage': ['admin', 'privacy-officer'],
  'holds:manage': ['admin', 'privacy-officer'],
  'incidents:manage': ['admin', 'privacy-officer'],
  'reports:read': ['admin', 'privacy-officer', 'auditor'],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

/** True when the principal's role carries the permission. */
export function can(p: Principal, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(p.role);
}
