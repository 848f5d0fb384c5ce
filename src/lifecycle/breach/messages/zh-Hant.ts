// 個人資料外洩通知及通報的繁體中文用語。
import type { BreachMessages } from './breach.messages.model.ts';

const pad = (n: number) => String(n).padStart(2, '0');
function zone(m: number): string {
  if (m === 480) return '北京時間';
  if (m === 540) return '韓國時間';
  if (m === 0) return '世界協調時間';
  const h = Math.abs(m) / 60;
  return `UTC${m < 0 ? '-' : '+'}${Number.isInteger(h) ? h : h.toFixed(1)}`;
}

/** Traditional Chinese breach messages. */
export const zhHant: BreachMessages = {
  listSeparator: '、',
  headingMark: '■ ',
  sentenceGap: '',
  labelSeparator: '：',
  more: (_shown, total) => `等${total}項`,
  dateTime: (y, mo, d, h, mi, off) => `${y}年${mo}月${d}日 ${pad(h)}:${pad(mi)}（${zone(off)}）`,
  subject: (org, title) => `【${org}】個人資料外洩事件通知（${title}）`,
  subjectPossible: (org, title) => `【${org}】個人資料可能外洩通知（${title}）`,
  greeting: '{{name}} 您好：',
  opening: (org) => `很抱歉通知您，${org}所保管的您的個人資料發生外洩。以下說明事件經過、可能的影響，以及您可以採取的因應措施。`,
  openingPossible: (org) => `${org}所保管的您的個人資料可能已經外洩。以下說明目前掌握的情形；確認後將立即再通知您。`,
  headings: {
    items: '涉及的個人資料項目', when: '發生時間及原因', harm: '可能造成的損害', measures: '本公司已採取的補救措施',
    advice: '您可以採取的因應措施', help: '聯絡我們', dpo: '個人資料保護負責人', report: '申訴及檢舉管道', remedies: '您的權利',
  },
  when: (s, d) => `事件約自${s}開始，本公司於${d}發現。`,
  cause: (v) => `原因：${v}。`,
  vectors: {
    'external-intrusion': '外部非法入侵（駭客攻擊）', insider: '內部人員不當處理',
    loss: '存有個人資料的設備或文件遺失', misdelivery: '個人資料誤寄給他人', other: '詳見下方說明',
  },
  harms: {
    phishing: '不法分子可能冒用本公司或您認識的人的名義，透過簡訊、電話或電子郵件進行詐騙。',
    'identity-theft': '證件號碼等資料可能遭冒用，導致身分被盜用。',
    'financial-fraud': '付款或銀行帳戶資料可能遭盜用，造成財產損失。',
    'account-takeover': '他人可能嘗試登入您的帳號。',
    'physical-safety': '地址或位置資料可能被用於騷擾或登門推銷。',
    'sensitive-exposure': '敏感個人資料為他人知悉，可能侵害您的隱私或使您遭受歧視。',
    biometric: '生物特徵資料無法變更，可能被用來冒充您通過身分驗證。',
    general: '外洩的資料可能被用於行銷騷擾或詐騙。',
  },
  advice: {
    phishing: '請勿點擊來路不明的簡訊或電子郵件中的連結，也不要向任何人透露密碼、驗證碼或信用卡資料。本公司不會以電話或簡訊向您索取密碼或驗證碼。',
    'identity-theft': '請留意是否有人以您的名義辦理業務，必要時向發證機關申報遺失並申請補發證件。',
    'financial-fraud': '請聯絡往來銀行或發卡機構開啟交易通知，必要時掛失或換發卡片；發現可疑交易請立即通知銀行。',
    'account-takeover': '請立即變更密碼，並一併變更使用相同密碼的其他服務。',
    'physical-safety': '請留意陌生人來訪以及可疑的信件、包裹。',
    'sensitive-exposure': '如有人利用這些資料與您聯絡，請勿回應，並通知本公司。',
    biometric: '請關閉相關的生物特徵驗證，改用密碼等其他驗證方式。',
    general: '如接到可疑的電話或訊息，請勿回應，並透過下列方式通知本公司。',
  },
  contactLabels: { email: '電子郵件', phone: '電話', web: '網站', hours: '服務時間' },
  followUp: '尚未查明的部分，本公司確認後將儘速再通知您。',
  reportTo: {
    pipl: '您可以向中國大陸履行個人信息保護職責的部門申訴或檢舉（例如撥打違法和不良資訊舉報電話 12377）。',
    pipa: '如因此受到損害，您可以向韓國個人資訊侵害申報中心（在韓國撥打 118）申報或諮詢，也可以向個人資訊紛爭調解委員會（1833-6972）申請調解。',
    gdpr: (a) => `您有權向資料保護監理機關${a ? `（${a}）` : ''}提出申訴。`,
  },
  remedies: {
    pipl: '因個人資料處理活動受到損害者，可依法請求賠償（中國《個人信息保護法》第六十九條）。',
    pipa: '受到損害者，可依韓國《個人資訊保護法》第三十九條及第三十九條之二請求損害賠償或法定損害賠償。',
    gdpr: '您也有權向法院尋求救濟並請求賠償（GDPR 第七十九條、第八十二條）。',
  },
  closing: '造成您的擔憂與不便，本公司深感抱歉，並將進一步強化個人資料保護，避免類似事件再次發生。',
  letterHead: '{{name}} 台啟\n{{postalAddress}}\n\n{{date}}',
  phone: {
    intro: (org) => `您好，這裡是${org}個人資料保護窗口。請問是{{name}}嗎？`,
    noSecrets: '這通電話不會詢問您的密碼、驗證碼或銀行帳戶資料。',
    items: (items) => `我們來電是因為您的以下個人資料發生外洩：${items}。`,
    measures: '本公司已採取的措施如下：',
    advice: '建議您採取以下措施：',
    callback: (c) => `詳細情形我們也會以書面通知您。如有疑問，請與我們聯絡：${c}。`,
    end: '再次向您致歉，謝謝您撥冗接聽。',
  },
  push: {
    title: (org) => `【${org}】個人資料外洩通知`,
    body: (items) => `您的部分個人資料（${items}）發生外洩。請查看電子郵件或應用程式內通知，了解因應方式。`,
    bodyPossible: (items) => `您的部分個人資料（${items}）可能已經外洩。請查看電子郵件或應用程式內通知，了解因應方式。`,
  },
  report: {
    title: '個人資料外洩事件通報',
    authorities: {
      pipl: '履行個人信息保護職責的部門（網信部門）',
      pipa: '韓國個人情報保護委員會或韓國網路振興院',
      gdpr: '歐盟主導監理機關',
    },
    fields: {
      reporter: '個人資料處理者', incident: '事件編號', title: '事件名稱', nature: '事件情形', categories: '涉及的個人資料項目',
      sensitive: '是否涉及敏感個人資料或唯一識別資料', affected: '涉及人數（約）', records: '涉及筆數（約）',
      started: '發生時間', discovered: '發現時間', cause: '發生原因', harm: '可能造成的損害', measures: '已採取的補救措施',
      advice: '當事人可採取的減輕損害措施', individuals: '通知當事人情形', contact: '聯絡方式', dpo: '個人資料保護負責人',
      due: '通報期限', severity: '嚴重程度', delay: '遲延原因', followUp: '後續通報',
    },
    yes: '是',
    no: '否',
    count: (n) => `${n.toLocaleString('zh-TW')}人`,
    immediately: '立即',
    noHourLimit: '不得無故遲延',
    notRequired: '依適用規定無須通報',
    individualsPlan: (l) => `以電子郵件、信函、電話或推播訊息逐一通知（${l}）。`,
    individualsSkipped: '不通知當事人：所採取的措施能有效避免損害（主管機關仍可要求通知）。',
    followUp: '尚未查明的部分，查明後將儘速補充通報。',
    severities: { low: '低', medium: '中', high: '高', critical: '嚴重' },
  },
};
