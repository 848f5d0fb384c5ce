// The contract of a section template: blocks for one section, or undefined when the section does not apply.
import type { NoticeContext } from '../notice.context.ts';
import type { Block } from '../notice.model.ts';

/** Builds one section's blocks from the context; undefined leaves the section out. */
export type SectionTemplate = (ctx: NoticeContext) => Block[] | undefined;
