// Section: who the controller is, how to reach it, its privacy officer and representative.
import type { Block } from '../notice.model.ts';
import type { SectionTemplate } from './section.model.ts';

/** Controller identity and contacts (PIPL 17, PIPA 30 and 31, GDPR 13(1)(a)-(b)). */
export const controllerSection: SectionTemplate = (ctx) => {
  const { organization: org } = ctx.registry;
  const { fields } = ctx.m;
  const rows = ctx.contactRows(org.contact);
  if (org.supervisoryAuthority) rows.push({ label: fields.supervisoryAuthority, value: ctx.text(org.supervisoryAuthority) });
  const blocks: Block[] = [{ kind: 'record', caption: ctx.text(org.names), rows }];
  const officer = ctx.contactRows(org.privacyOfficer);
  if (officer.length > 0) blocks.push({ kind: 'record', caption: [fields.privacyOfficer], rows: officer });
  const representative = ctx.contactRows(org.representative);
  if (representative.length > 0) blocks.push({ kind: 'record', caption: [fields.representative], rows: representative });
  return blocks;
};
