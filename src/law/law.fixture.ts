// Test factory: a small registry declaring PIPL, PIPA and GDPR that lints with no findings at all.
import { RegistrySchema, type Registry } from '../registry/index.ts';

const L = (en: string, zh = en) => ({ en, 'zh-Hans': zh });

const BASE = {
  organization: {
    id: 'acme', names: L('Acme Ltd', '阿克米有限公司'), contact: { email: 'privacy@acme.example' },
    privacyOfficer: { name: L('Kim'), email: 'cpo@acme.example' }, representative: { name: L('Acme Korea'), email: 'kr@acme.example' },
    regimes: ['pipl', 'pipa', 'gdpr'], languages: ['zh-Hans', 'en'], version: '1.0.0', effectiveDate: '2026-01-01',
    supervisoryAuthority: L('Data Protection Commission'),
  },
  categories: [
    { id: 'name', kind: 'name', labels: L('Name', '姓名'), minimum: true },
    { id: 'email', kind: 'email', labels: L('Email', '电子邮箱'), minimum: true },
    {
      id: 'face', kind: 'biometric', labels: L('Face image', '面部图像'), minimum: false, encryptedAtRest: true,
      sensitivity: { pipl: 'sensitive', pipa: 'sensitive', gdpr: 'special' },
      necessity: L('Needed to sign in by face', '用于刷脸登录'), impact: L('Leaks cannot be undone', '泄露后无法更改'),
    },
    { id: 'passport', kind: 'passport', labels: L('Passport number', '护照号码'), minimum: false, encryptedAtRest: true, sensitivity: { pipa: 'unique-id' } },
    { id: 'cookie', kind: 'cookie-id', labels: L('Cookie id', 'Cookie 标识'), minimum: true },
  ],
  roles: [{ id: 'customer', labels: L('Customer', '顾客'), minAge: 18 }, { id: 'staff', labels: L('Staff', '员工'), employee: true }],
  purposes: [
    { id: 'account', labels: L('Account', '账户'), categories: ['name', 'email', 'cookie'], roles: ['customer'], legalBasis: 'contract', required: true, method: L('Online form', '在线表单'), retention: { until: 'account-closed', grace: 'P30D' }, scenarios: ['signup'] },
    { id: 'face-login', labels: L('Face login', '刷脸登录'), categories: ['face'], roles: ['customer'], legalBasis: 'consent', consentMechanism: 'separate', required: false, method: L('Camera', '摄像头'), retention: { duration: 'P1Y', from: 'last-use' }, assessment: { id: 'pia-1' } },
    { id: 'newsletter', labels: L('Newsletter', '资讯邮件'), categories: ['email'], roles: ['customer'], legalBasis: 'consent', consentMechanism: 'separate', required: false, marketing: true, method: L('Email', '邮件'), retention: { until: 'consent-withdrawn' }, assessment: { id: 'pia-2' } },
    { id: 'identity', labels: L('Identity check', '身份核验'), categories: ['passport'], roles: ['customer'], legalBasis: 'consent', consentMechanism: 'separate', required: false, method: L('Upload', '上传'), retention: { duration: 'P3Y' }, assessment: { id: 'pia-3' } },
  ],
  recipients: [
    {
      id: 'id-verifier', names: L('Verify KK', '核验株式会社'), kind: 'processor', country: 'JP', contact: { email: 'dpo@verify.example' },
      purposes: ['identity'], categories: ['passport'], method: L('API upload', '接口上传'), retention: L('30 days', '30天'), transferTime: L('At upload', '上传时'),
      rightsChannel: L('dpo@verify.example'), contract: true, mechanism: { type: 'standard-contract', reference: 'SC-2026-01' },
    },
    {
      id: 'affiliate-kr', names: L('Acme Korea', '阿克米韩国'), kind: 'affiliate', country: 'KR', contact: { email: 'kr@acme.example' },
      purposes: ['newsletter'], categories: ['email'], method: L('Daily export', '每日导出'), retention: L('Until withdrawal', '至撤回同意'), transferTime: L('Daily', '每日'),
      rightsChannel: L('kr@acme.example'), mechanism: { type: 'standard-contract', reference: 'SC-2026-02' },
    },
  ],
  scenarios: [{ id: 'signup', labels: L('Sign-up', '注册'), purposes: ['account'] }],
  trackers: [{ id: 'session', labels: L('Session cookie', '会话 Cookie'), class: 'necessary', purposes: ['account'] }],
  security: [{ id: 'encryption', labels: L('Encryption at rest', '静态加密') }],
  rightsChannels: [{ id: 'web', kind: 'web', labels: L('Privacy center', '隐私中心') }],
};

/** A fresh, schema-parsed copy of the clean three-regime registry. */
export function baseRegistry(): Registry {
  return RegistrySchema.parse(structuredClone(BASE));
}
