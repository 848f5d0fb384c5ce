// The notice messages of every language, by language tag.
import type { MessageCatalogue } from './messages.model.ts';
import { en } from './en.ts';
import { ko } from './ko.ts';
import { zhHans } from './zh-Hans.ts';
import { zhHant } from './zh-Hant.ts';

/** Notice messages per language; a language without messages is a type error. */
export const MESSAGES: MessageCatalogue = { en, ko, 'zh-Hans': zhHans, 'zh-Hant': zhHant };
