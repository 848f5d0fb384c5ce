// The consent banner's own words in the four languages Custodia speaks; tracker names come from the registry.
import type { Language } from '../registry/index.ts';
import type { BannerTexts, TrackerClass } from './banner.model.ts';

/** Banner texts per language. */
export const TEXTS: Record<Language, BannerTexts> = {
  'zh-Hans': {
    title: '我们如何使用 Cookie 和类似技术',
    body: '必要的 Cookie 让网站正常运行。经您同意，我们还会使用其他追踪器来改进服务或投放广告。您可以全部接受、全部拒绝或按类别选择，并可随时更改。',
    acceptAll: '全部接受',
    rejectAll: '全部拒绝',
    customise: '按类别选择',
    save: '保存选择',
    back: '返回',
    alwaysOn: '始终启用',
    gpc: '您的浏览器发出了“全球隐私控制”（GPC）信号：广告追踪器保持关闭，我们不会出售或共享您的个人信息。',
    includes: '包括：',
    policy: '隐私政策',
  },
  'zh-Hant': {
    title: '我們如何使用 Cookie 及類似技術',
    body: '必要的 Cookie 讓網站正常運作。經您同意，我們還會使用其他追蹤器來改善服務或投放廣告。您可以全部接受、全部拒絕或依類別選擇，並可隨時變更。',
    acceptAll: '全部接受',
    rejectAll: '全部拒絕',
    customise: '依類別選擇',
    save: '儲存選擇',
    back: '返回',
    alwaysOn: '一律啟用',
    gpc: '您的瀏覽器發出了「全球隱私控制」（GPC）訊號：廣告追蹤器保持關閉，我們不會出售或分享您的個人資料。',
    includes: '包括：',
    policy: '隱私權政策',
  },
  ko: {
    title: '쿠키 및 유사 기술 사용 안내',
    body: '필수 쿠키는 웹사이트 운영에 필요합니다. 동의하시는 경우에만 서비스 개선이나 광고를 위한 다른 추적 기술을 사용합니다. 모두 허용하거나 모두 거부하거나 항목별로 선택할 수 있으며, 언제든지 변경할 수 있습니다.',
    acceptAll: '모두 허용',
    rejectAll: '모두 거부',
    customise: '항목별 선택',
    save: '선택 저장',
    back: '뒤로',
    alwaysOn: '항상 사용',
    gpc: '브라우저가 GPC(Global Privacy Control) 신호를 보냈습니다. 광고 추적은 꺼진 상태로 유지되며, 개인정보를 판매하거나 공유하지 않습니다.',
    includes: '포함: ',
    policy: '개인정보 처리방침',
  },
  en: {
    title: 'How we use cookies and similar technologies',
    body: 'Necessary cookies make this site work. With your consent we also use other trackers to improve the service or show advertising. You can accept all, reject all or choose by category, and change your mind at any time.',
    acceptAll: 'Accept all',
    rejectAll: 'Reject all',
    customise: 'Choose by category',
    save: 'Save choices',
    back: 'Back',
    alwaysOn: 'Always on',
    gpc: 'Your browser sends a Global Privacy Control signal: advertising trackers stay off and your personal information is not sold or shared.',
    includes: 'Includes: ',
    policy: 'Privacy policy',
  },
};

/** The name and description of each tracker class per language. */
export const CLASS_TEXTS: Record<Language, Record<TrackerClass, [name: string, description: string]>> = {
  'zh-Hans': {
    necessary: ['必要', '登录、安全和记住您的选择所必需，无法关闭。'],
    functional: ['功能', '记住您的偏好设置，例如语言。'],
    analytics: ['统计分析', '帮助我们了解网站的使用情况，以便改进服务。'],
    advertising: ['广告', '向您展示相关广告并衡量广告效果。'],
  },
  'zh-Hant': {
    necessary: ['必要', '登入、安全及記住您的選擇所必需，無法關閉。'],
    functional: ['功能', '記住您的偏好設定，例如語言。'],
    analytics: ['統計分析', '協助我們了解網站的使用情況，以便改善服務。'],
    advertising: ['廣告', '向您顯示相關廣告並衡量廣告成效。'],
  },
  ko: {
    necessary: ['필수', '로그인, 보안 및 선택 사항 저장에 필요하며 끌 수 없습니다.'],
    functional: ['기능', '언어 등 설정을 기억합니다.'],
    analytics: ['분석', '서비스 개선을 위해 웹사이트 이용 현황을 파악합니다.'],
    advertising: ['광고', '관심 있을 만한 광고를 보여 주고 광고 효과를 측정합니다.'],
  },
  en: {
    necessary: ['Necessary', 'Needed for sign-in, security and remembering your choice; cannot be switched off.'],
    functional: ['Functional', 'Remember your preferences, such as language.'],
    analytics: ['Analytics', 'Help us understand how the site is used so we can improve it.'],
    advertising: ['Advertising', 'Show you relevant ads and measure how well they work.'],
  },
};
