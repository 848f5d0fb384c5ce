// History pillar: the yearly notice of how a person's data was used and to whom it was provided (PIPA 20-2).
export { USE_ACTIONS, type Provision, type ProvisionRecord, type PurposeUse, type UsageHistoryNotice, type UseRecord } from './history.model.ts';
export { usageHistoryNotice, yearWindow } from './history.notice.ts';
export { sharesBetween, usesBetween } from './history.store.ts';
export { HISTORY_TEXTS, type HistoryTexts } from './history.texts.ts';
