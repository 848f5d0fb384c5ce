// Notice pillar: the registry rendered as a privacy notice in four languages, change classification and consent scope hashes.
export { renderNotice, buildNotice } from './notice.render.ts';
export type { NoticeFormat, NoticeDocument, NoticeSection, Block, Inline, Rich } from './notice.model.ts';
export { classifyChanges, CHANGE_REASONS, type ClassifiedChange, type ChangeReasonCode } from './notice.changes.ts';
export { consentScopeHash, consentScope } from './notice.scope.ts';
export { isCrossBorder } from './notice.territory.ts';
