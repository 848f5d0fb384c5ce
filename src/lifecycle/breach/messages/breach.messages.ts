// The breach messages of every language, by language tag.
import type { BreachCatalogue } from './breach.messages.model.ts';
import { en } from './en.ts';
import { ko } from './ko.ts';
import { zhHans } from './zh-Hans.ts';
import { zhHant } from './zh-Hant.ts';

/** Breach messages per language; a language without messages is a type error. */
export const BREACH_MESSAGES: BreachCatalogue = { en, ko, 'zh-Hans': zhHans, 'zh-Hant': zhHant };
