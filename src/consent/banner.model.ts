// The consent banner's shapes: tracker classes, the config a site's visitors see, choices and their stored views.
import { z } from 'zod';
import { LANGUAGES, type Language } from '../registry/index.ts';

/** Tracker classes, in the order the banner lists them. */
export const TRACKER_CLASSES = ['necessary', 'functional', 'analytics', 'advertising'] as const;
export type TrackerClass = (typeof TRACKER_CLASSES)[number];

/** A visitor id: opaque, 128 random bits, the only key to a visitor's choice. */
export const VisitorId = z.string().regex(/^vis_[a-f0-9]{32}$/, 'a visitor id such as vis_0123…');

/** The texts of the banner itself in one language. */
export const BannerTexts = z.object({
  title: z.string(),
  body: z.string(),
  acceptAll: z.string(),
  rejectAll: z.string(),
  customise: z.string(),
  save: z.string(),
  back: z.string(),
  alwaysOn: z.string(),
  gpc: z.string(),
  includes: z.string(),
  policy: z.string(),
});
export type BannerTexts = z.infer<typeof BannerTexts>;

/** One class as the banner shows it, with its trackers labelled in the visitor's language. */
export const BannerClass = z.object({
  id: z.enum(TRACKER_CLASSES),
  name: z.string(),
  description: z.string(),
  required: z.boolean(),
  trackers: z.array(z.object({ id: z.string(), label: z.string(), recipient: z.string().nullable(), cookies: z.array(z.string()), retention: z.string().nullable() })),
});
export type BannerClass = z.infer<typeof BannerClass>;

/** What the banner script fetches: texts, classes with trackers, and the registry version the choice refers to. */
export const BannerConfig = z.object({
  registryVersion: z.number().int(),
  language: z.enum(LANGUAGES),
  organization: z.string(),
  texts: BannerTexts,
  classes: z.array(BannerClass),
});
export type BannerConfig = z.infer<typeof BannerConfig>;

/** Choices per class; a class left out is a refusal. */
export const Choices = z.object({
  necessary: z.boolean().optional(),
  functional: z.boolean().optional(),
  analytics: z.boolean().optional(),
  advertising: z.boolean().optional(),
});
export type Choices = z.infer<typeof Choices>;

/** The body of POST /v1/banner/choices. */
export const ChoiceInput = z.object({
  visitorId: VisitorId.optional().describe('absent on a first visit: the server generates one and returns it'),
  choices: Choices,
  gpc: z.boolean().default(false).describe('navigator.globalPrivacyControl as the page saw it'),
  registryVersion: z.number().int().min(1).describe('the registry version whose banner the visitor saw'),
  language: z.enum(LANGUAGES).optional(),
});
export type ChoiceInput = z.infer<typeof ChoiceInput>;

/** A stored choice as returned to the visitor (no IP, no user agent). */
export const ChoiceView = z.object({
  visitorId: VisitorId,
  seq: z.string(),
  choices: z.object({ necessary: z.literal(true), functional: z.boolean(), analytics: z.boolean(), advertising: z.boolean() }),
  gpc: z.boolean().describe('a Global Privacy Control signal was received (Sec-GPC header or flag)'),
  gpcOverride: z.boolean().describe('advertising was asked for but turned off because of GPC'),
  saleOrSharingOptOut: z.boolean().describe('the visitor refused sale and sharing of personal information (GPC or advertising off)'),
  registryVersion: z.number().int(),
  language: z.enum(LANGUAGES).nullable(),
  occurredAt: z.string(),
  receipt: z.string(),
});
export type ChoiceView = z.infer<typeof ChoiceView>;

/** A choice to record, as the HTTP layer hands it to the service. */
export interface ChoiceRequest extends ChoiceInput {
  gpcHeader: boolean;
  currentVersion: number;
  issuer: string;
  ip?: string;
  userAgent?: string;
  occurredAt?: Date;
}

/** Re-exported for callers that name the visitor's language. */
export type { Language };
