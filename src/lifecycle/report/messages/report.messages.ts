// The report messages of every language, by language tag.
import { en } from './en.ts';
import { ko } from './ko.ts';
import type { ReportCatalogue } from './report.messages.model.ts';
import { zhHans } from './zh-Hans.ts';
import { zhHant } from './zh-Hant.ts';

/** Report messages per language; a language without messages is a type error. */
export const REPORT_MESSAGES: ReportCatalogue = { en, ko, 'zh-Hans': zhHans, 'zh-Hant': zhHant };
