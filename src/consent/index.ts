// Consent pillar: append-only consent and permission events, projection, signed receipts, staleness.
export * from './consent.model.ts';
export { ConsentService, type ConsentView } from './consent.service.ts';
export { ConsentFeed, feedPayloads, type FeedAnnouncer } from './consent.feed.ts';
export { ConsentProjection, currentScopes, replayProjection, storedProjection } from './consent.projection.ts';
export { ReceiptSigner, verifyReceipt, type ReceiptClaims, type ReceiptFile } from './consent.receipts.ts';
export { checkGrant, assertValidAction, consentNeeded } from './consent.rules.ts';
