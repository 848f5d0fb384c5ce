// Sections: security measures, children, and changes to the notice.
import { dateWords } from '../notice.format.ts';
import type { SectionTemplate } from './section.model.ts';

/** Security measures (PIPL 51, PIPA 29 and 30, GDPR 32). */
export const securitySection: SectionTemplate = (ctx) => {
  const { m, registry: r } = ctx;
  if (r.security.length === 0) return [{ kind: 'p', text: [m.noSecurity] }];
  return [
    { kind: 'p', text: [m.securityIntro] },
    { kind: 'list', items: r.security.map((s) => ctx.text(s.labels)) },
  ];
};

/** Children's data (PIPL 31, PIPA 22-2, GDPR 8); left out when the registry says nothing about children. */
export const childrenSection: SectionTemplate = (ctx) => {
  const org = ctx.registry.organization;
  if (org.childAge === undefined && !org.childrenRules) return undefined;
  const blocks: ReturnType<SectionTemplate> & object = [{ kind: 'p', text: [ctx.m.childrenText(org.childAge)] }];
  if (org.childrenRules) blocks.push({ kind: 'p', text: ctx.text(org.childrenRules) });
  return blocks;
};

/** How changes are announced, and this version (PIPL 17 para 2, PIPA 30, seed 001 material-change list). */
export const changesSection: SectionTemplate = (ctx) => {
  const { m, registry: r } = ctx;
  return [
    { kind: 'p', text: [m.changesText] },
    { kind: 'list', items: m.changesList.map((x) => [x]) },
    { kind: 'record', caption: [m.title], rows: [
      { label: m.versionLabel, value: [r.organization.version] },
      { label: m.effectiveLabel, value: [dateWords(m, r.organization.effectiveDate)] },
    ] },
  ];
};
