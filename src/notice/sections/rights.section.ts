// Sections: the rights a person has, the channels to exercise them, and fees.
import { RIGHTS, type Regime } from '../../registry/index.ts';
import { durationWords, moneyWords } from '../notice.format.ts';
import type { Block, Rich } from '../notice.model.ts';
import type { SectionTemplate } from './section.model.ts';

type Right = (typeof RIGHTS)[number];

// The rights each regime grants, before the registry's own channels add any.
const REGIME_RIGHTS: Record<Regime, Right[]> = {
  pipl: ['access', 'copy', 'rectify', 'erase', 'portability', 'withdraw', 'close-account', 'explain-rules', 'complain'],
  pipa: ['access', 'copy', 'rectify', 'erase', 'restrict', 'portability', 'withdraw', 'complain'],
  gdpr: ['access', 'copy', 'rectify', 'erase', 'restrict', 'object', 'portability', 'withdraw', 'complain'],
};
const ADM_RIGHTS: Right[] = ['adm-explanation', 'adm-human-review'];

/** Rights, channels, deadlines and complaint (PIPL 44-50, PIPA 35-39, GDPR 13(2)(b)-(d)). */
export const rightsSection: SectionTemplate = (ctx) => {
  const { m, registry: r } = ctx;
  const f = m.fields;
  const granted = new Set<Right>(r.organization.regimes.flatMap((g) => REGIME_RIGHTS[g]));
  if (r.purposes.some((p) => p.adm)) ADM_RIGHTS.forEach((x) => granted.add(x));
  for (const c of r.rightsChannels) c.rights?.forEach((x) => granted.add(x));
  const rights = RIGHTS.filter((x) => granted.has(x));
  const blocks: Block[] = [
    { kind: 'p', text: [m.rightsIntro] },
    { kind: 'list', items: rights.map((x): Rich => [{ text: m.rights[x], strong: true }, m.labelSeparator, m.rightsNotes[x]]) },
  ];
  if (r.rightsChannels.length > 0) {
    blocks.push({ kind: 'p', text: [m.channelsIntro] });
    const rows = r.rightsChannels.map((c): Rich[] => {
      const details: Rich = [...ctx.text(c.labels)];
      if (c.contact) {
        const href = /^https?:\/\//i.test(c.contact) ? c.contact : /^[^@\s]+@[^@\s]+$/.test(c.contact) ? `mailto:${c.contact}` : undefined;
        details.push(m.labelSeparator, href ? { text: c.contact, href } : c.contact);
      }
      const served = c.rights && c.rights.length > 0 ? [c.rights.map((x) => m.rights[x]).join(m.listSeparator)] : [m.allRights];
      return [[m.channelKinds[c.kind]], details, served];
    });
    blocks.push({ kind: 'grid', caption: f.channel, columns: [f.channel, f.details, f.rights], rows });
  } else {
    blocks.push({ kind: 'p', text: [m.noChannels] });
  }
  blocks.push({ kind: 'p', text: [m.withdrawText] });
  // One promise only: the shortest deadline among the registry's regimes (PIPA 10 days, GDPR one month).
  blocks.push({ kind: 'p', text: [ctx.has('pipa') ? m.deadlinePipa : ctx.has('gdpr') ? m.deadlineGdpr : m.deadlinePipl] });
  const authority = ctx.text(r.organization.supervisoryAuthority);
  blocks.push({ kind: 'p', text: [m.complaintText(authority.length > 0 ? authority.map((t) => (typeof t === 'string' ? t : t.text)).join('') : undefined)] });
  return blocks;
};

/** Fees for copies (GDPR 12(5) and 15(3), PIPA 38(3)); left out when the registry sets none. */
export const feesSection: SectionTemplate = (ctx) => {
  const { m } = ctx;
  const fees = ctx.registry.fees;
  if (!fees) return undefined;
  const blocks: Block[] = [];
  if (fees.amount === undefined || fees.amount === 0) blocks.push({ kind: 'p', text: [m.feesFree] });
  else {
    if (fees.firstCopyFree) blocks.push({ kind: 'p', text: [m.firstCopyFree] });
    blocks.push({ kind: 'p', text: [m.feeAmount(moneyWords(ctx.lang, fees.amount, fees.currency), fees.period ? durationWords(m, fees.period) : undefined)] });
  }
  if (fees.labels) blocks.push({ kind: 'p', text: ctx.text(fees.labels) });
  return blocks;
};
