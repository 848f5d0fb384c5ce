// Builds the notice document from a registry and prints it as HTML or Markdown.
import type { Language, Registry } from '../registry/index.ts';
import { SECTION_IDS, type SectionId } from './messages/messages.model.ts';
import { createContext } from './notice.context.ts';
import { dateWords } from './notice.format.ts';
import { writeHtml } from './notice.html.ts';
import { writeMarkdown } from './notice.md.ts';
import { plain, type NoticeDocument, type NoticeFormat } from './notice.model.ts';
import { automatedSection } from './sections/automated.section.ts';
import { changesSection, childrenSection, securitySection } from './sections/closing.section.ts';
import { collectionSection } from './sections/collection.section.ts';
import { controllerSection } from './sections/controller.section.ts';
import { permissionsSection, trackersSection } from './sections/devices.section.ts';
import { purposesSection } from './sections/purposes.section.ts';
import { crossBorderSection, processorsSection, sharingSection } from './sections/recipients.section.ts';
import { retentionSection } from './sections/retention.section.ts';
import { sensitiveSection } from './sections/sensitive.section.ts';
import { feesSection, rightsSection } from './sections/rights.section.ts';
import type { SectionTemplate } from './sections/section.model.ts';

const TEMPLATES: Record<SectionId, SectionTemplate> = {
  controller: controllerSection,
  collection: collectionSection,
  purposes: purposesSection,
  sensitive: sensitiveSection,
  automated: automatedSection,
  retention: retentionSection,
  sharing: sharingSection,
  processors: processorsSection,
  crossBorder: crossBorderSection,
  trackers: trackersSection,
  permissions: permissionsSection,
  security: securitySection,
  rights: rightsSection,
  fees: feesSection,
  children: childrenSection,
  changes: changesSection,
};

/** Builds the format-neutral notice document for a registry in one language. */
export function buildNotice(registry: Registry, lang: Language): NoticeDocument {
  const ctx = createContext(registry, lang);
  const { m } = ctx;
  const org = registry.organization;
  const sections = SECTION_IDS.flatMap((id) => {
    const blocks = TEMPLATES[id](ctx);
    return blocks ? [{ id: `sec-${id}`, title: m.sections[id], blocks }] : [];
  });
  const controller = ctx.text(org.names);
  return {
    lang,
    title: m.title,
    controller,
    meta: [
      { label: m.versionLabel, value: org.version },
      { label: m.effectiveLabel, value: dateWords(m, org.effectiveDate) },
    ],
    intro: [m.intro(plain(controller))],
    contentsLabel: m.contents,
    skipLink: m.skipLink,
    labelSeparator: m.labelSeparator,
    sections,
  };
}

/** Renders a registry as a complete privacy notice in `lang`, as HTML or Markdown; pure and deterministic. */
export function renderNotice(registry: Registry, lang: Language, format: NoticeFormat = 'html'): string {
  const doc = buildNotice(registry, lang);
  return format === 'md' ? writeMarkdown(doc) : writeHtml(doc);
}
