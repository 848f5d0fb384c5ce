// Regex families that recognise clauses lint must judge (deemed consent, "changed text prevails", wide exemptions).
import type { Language, Registry } from '../registry/index.ts';

type Clause = Registry['clauses'][number];

/** Deemed-consent phrasings: using, continuing or accepting "counts as" consent (PIPL 14, PIPA Decree 17, GDPR 4(11)). */
export const DEEMED_CONSENT: Record<'zh' | 'ko' | 'en', RegExp[]> = {
  zh: [
    /(继续|繼續|持续|持續)?(使用|访问|訪問|浏览|瀏覽|登录|登錄|注册|註冊)[^。；;]{0,40}?(即|则|則|就|将|將)?(被)?(视为|視為|视作|視作|认为|認為|表示|代表|意味着|意味著|等同于|等同於)[^。；;]{0,20}?(同意|接受|授权|授權)/,
    /(视为|視為|视作|視作|视同|視同)[^。；;]{0,12}?(同意|接受|授权|授權)/,
    /(持续|持續|继续|繼續)(授权|授權)/,
    /(您|你)(已)?(知悉|知晓|知曉|了解|理解)(并|並|且)(同意|认可|認可)/,
  ],
  ko: [
    /(계속|지속적으로)\s*(이용|사용|접속)[^.。]{0,60}?(동의|승낙|수락)(한|하신|하는|하였|했)?\s*(것으로)\s*(간주|봅니다|본다|보며|보겠|여깁니다|인정)/,
    /(동의|승낙|수락)(한|하신|하는|하였|했)\s*것으로\s*(간주|봅니다|본다|보며|보겠|여깁니다)/,
    /(이용|사용)(하시면|하는\s*경우|하실\s*경우|함으로써|하심으로써)[^.。]{0,40}?(동의|승낙)(하신|한|하는)\s*것/,
  ],
  en: [
    /\b(continu\w*|by)\s+(to\s+)?(use|using|access\w*|brows\w*|visit\w*)\b[^.]{0,80}?\b(deemed|considered|constitut\w*|signif\w*|means?|treated)\b[^.]{0,40}?\b(consent|agree\w*|accept\w*)/i,
    /\bdeemed\s+to\s+(have\s+)?(consent\w*|agree\w*|accept\w*)/i,
  ],
};

/** "We may change this policy; the changed text prevails" (PIPL 17 para 2-3). */
export const CHANGE_PREVAILS: RegExp[] = [
  /(变更|變更|修改|修订|修訂|更新)(后|後)?的[^。；;]{0,20}?(为准|為準)/,
  /(변경|개정)된\s*[^.。]{0,20}?(우선|따릅니다|적용)/,
  /\b(amended|changed|updated|revised)\s+(version|text|policy)\b[^.]{0,30}?\b(prevail\w*|appl(y|ies)|govern\w*)/i,
];

/** Consent exemptions from the 2017 standard that PIPL 13 does not know (GB/T 35273 5.6 vs PIPL 13). */
export const WIDE_EXEMPTIONS: RegExp[] = [
  /(产品|產品|服务|服務)[^。；;]{0,10}?(稳定|穩定|安全运行|安全運行)/,
  /学术研究|學術研究/,
  /(与|與)(国家安全|國家安全|国防安全|國防安全)[^。；;]{0,16}?(相关|有关|相關|有關)/,
];

/** De-identified data "used commercially" or "for any purpose" (PIPL 4, 73: still personal information). */
export const DEIDENTIFIED_FREE_USE: RegExp[] = [
  /(去标识化|去標識化|匿名化)[^。]{0,60}?(商业|商業|任何目的|任意|自由)/,
  /(不属于|不屬於|并非|並非)(您的)?(个人信息|個人資[料訊])[^。]{0,40}?(任何|任意)/,
];

/** "It is anonymous, so no legal basis is needed" (trackers and beacons still need consent under ePrivacy 5(3)). */
export const ANONYMOUS_NO_BASIS: RegExp[] = [
  /(匿名)[^。]{0,60}?(无需|無需|不需要|不需)[^。]{0,12}?(依据|依據|法理|同意|基础|基礎)/,
  /anonymi[sz]ed[^.]{0,80}?no\s+(legal\s+basis|consent)/i,
];

/** "Servers may be located abroad" statements (PIPA 28-8). */
export const SERVERS_ABROAD: RegExp[] = [
  /(해외|국외|외국|다른\s*국가)[^.。]{0,40}?(서버|저장|보관|이전)/,
  /(服务器|伺服器|存储|存儲)[^。]{0,20}?(境外|海外|国外|國外)|(境外|海外|国外|國外)[^。]{0,20}?(服务器|伺服器|存储|存儲)/,
];

/** The family of a clause language. */
export function family(lang: Language): 'zh' | 'ko' | 'en' {
  return lang === 'ko' ? 'ko' : lang === 'en' ? 'en' : 'zh';
}

/** Whether a clause reads as deemed consent, by its topic or its text. */
export function isDeemedConsent(c: Clause): boolean {
  if (c.topic === 'deemed-consent' || c.topic === 'third-party-policy') return true;
  return DEEMED_CONSENT[family(c.lang)].some((re) => re.test(c.text));
}

/** Whether any pattern matches a clause text. */
export function matchesAny(c: Clause, patterns: RegExp[]): boolean {
  return patterns.some((re) => re.test(c.text));
}
