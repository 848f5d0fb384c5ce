// Test factory: a small registry and request builders exercising every access rule.
import { RegistrySchema, type Registry } from '../registry/index.ts';
import type { AccessActor, AccessRequest, AccessSubject, CompileOptions, ConsentState } from './access.model.ts';

const L = (en: string) => ({ en });

/** A registry with contract, consent, legitimate-interests, marketing, permission-linked and purpose-masked purposes. */
export function accessRegistry(): Registry {
  return RegistrySchema.parse({
    organization: { id: 'shop', names: L('Shop'), contact: { email: 'p@shop.example' }, regimes: ['pipl', 'gdpr'], languages: ['en'], version: '1', effectiveDate: '2026-01-01' },
    categories: [
      { id: 'name', kind: 'name', labels: L('Name') },
      { id: 'phone', kind: 'cn-mobile', labels: L('Phone') },
      { id: 'id-number', kind: 'cn-resident-id', labels: L('ID number'), sensitivity: { pipl: 'sensitive' } },
      { id: 'email', kind: 'email', labels: L('Email') },
      { id: 'address', kind: 'address', labels: L('Address') },
      { id: 'order-number', kind: 'order-number', labels: L('Order') },
      { id: 'location', kind: 'location', labels: L('Location') },
      { id: 'face', kind: 'biometric', labels: L('Face'), sensitivity: { pipl: 'sensitive', gdpr: 'special' } },
    ],
    roles: [{ id: 'customer', labels: L('Customer') }, { id: 'consignee', labels: L('Consignee') }],
    purposes: [
      { id: 'order', labels: L('Order'), categories: ['name', 'phone', 'address', 'order-number'], roles: ['customer', 'consignee'], legalBasis: 'contract', required: true },
      { id: 'customer-service', labels: L('Support'), categories: ['name', 'phone', 'id-number', 'email', 'order-number'], roles: ['customer'], legalBasis: 'contract', required: true },
      { id: 'courier-label', labels: L('Label'), categories: ['name', 'phone', 'address'], legalBasis: 'contract', required: true, masked: ['phone'] },
      { id: 'newsletter', labels: L('Newsletter'), categories: ['email'], roles: ['customer'], legalBasis: 'consent', required: false, marketing: true },
      { id: 'fraud', labels: L('Fraud'), categories: ['phone', 'order-number'], roles: ['customer'], legalBasis: 'legitimate-interests', required: false },
      { id: 'promo-li', labels: L('Promotions'), categories: ['email'], roles: ['customer'], legalBasis: 'legitimate-interests', required: false, marketing: true },
      { id: 'nearby', labels: L('Nearby'), categories: ['location'], roles: ['customer'], legalBasis: 'consent', required: false },
      { id: 'face-login', labels: L('Face login'), categories: ['face'], roles: ['customer'], legalBasis: 'consent', consentMechanism: 'separate', required: false },
    ],
    permissions: [{ id: 'gps', labels: L('Location'), permission: 'location', purposes: ['nearby'] }],
  });
}

/** Deployment options: sales agents use order and customer service; logistics agents the courier label. */
export const ACCESS_OPTIONS: CompileOptions = {
  departments: { support: ['order', 'customer-service'], logistics: ['courier-label', 'order'] },
};

/** Actors by name. */
export const ACTORS = {
  admin: { kind: 'staff', role: 'admin', purposes: [] },
  officer: { kind: 'staff', role: 'privacy-officer', purposes: [] },
  auditor: { kind: 'staff', role: 'auditor', purposes: [] },
  support: { kind: 'staff', role: 'agent', department: 'support', purposes: [] },
  logistics: { kind: 'staff', role: 'agent', department: 'logistics', purposes: [] },
  orderService: { kind: 'service', role: 'service', purposes: ['order', 'nearby', 'newsletter', 'face-login', 'fraud', 'promo-li'] },
  mailer: { kind: 'service', role: 'service', purposes: ['newsletter'] },
} as const satisfies Record<string, AccessActor>;

/** A subject with every consent granted unless overridden. */
export function subject(over: Partial<AccessSubject> = {}, consents: Record<string, ConsentState> = {}): AccessSubject {
  const all: Record<string, ConsentState> = { newsletter: 'granted', nearby: 'granted', 'face-login': 'granted', ...consents };
  return { role: 'customer', regimes: ['gdpr'], consents: new Map(Object.entries(all)), ...over };
}

/** A request by the admin for one purpose, overridable. */
export function request(purpose: string, categories: string[], over: Partial<AccessRequest> = {}): AccessRequest {
  return { actor: ACTORS.admin, subject: subject(), purpose, categories, ...over };
}
