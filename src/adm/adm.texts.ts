// Sentences of the ADM explanation in the four languages; placeholders in braces are filled by adm.explain.ts.
import type { Language } from '../registry/index.ts';

/** The phrases one explanation needs. */
export interface AdmTexts {
  title: string;
  made: string;
  logic: string;
  criteria: string;
  inputs: string;
  factors: string;
  factor: string;
  positive: string;
  negative: string;
  model: string;
  review: string;
  reviewNone: string;
  object: { pipl: string; pipa: string; gdpr: string };
  objectNotSignificant: string;
  channels: string;
  noChannel: string;
  deadline: { pipl: string; pipa: string; gdpr: string };
  list: string;
}

/** Explanation texts per language (PIPL 24(3), PIPA 37-2, GDPR 22(3)). */
export const ADM_TEXTS: Record<Language, AdmTexts> = {
  'zh-Hans': {
    title: '自动化决策说明',
    made: '{date}，我们为“{purpose}”目的通过自动化方式作出了一项决定：{outcome}。',
    logic: '决策方式：{text}',
    criteria: '判断标准：{text}',
    inputs: '使用的信息：{list}。',
    factors: '主要因素：',
    factor: '{name}（权重 {weight}%，{direction}）',
    positive: '对您有利',
    negative: '对您不利',
    model: '模型版本：{version}。',
    review: '您可以要求由工作人员重新审查这一决定，陈述您的意见并提出异议。',
    reviewNone: '如您对决定有疑问，可以要求我们进一步说明。',
    object: {
      pipl: '根据《个人信息保护法》第二十四条，对仅通过自动化决策方式作出、对您的权益有重大影响的决定，您有权要求说明，并有权拒绝仅通过自动化决策方式作出决定。',
      pipa: '根据韩国《个人信息保护法》第37条之2，对完全自动化、对您的权利或义务有重大影响的决定，您可以拒绝该决定，也可以要求说明或重新审查；我们将在30日内答复。',
      gdpr: '根据《通用数据保护条例》第22条，您有权要求人工介入、表达您的观点并对决定提出异议。',
    },
    objectNotSignificant: '这一决定不会对您的权益产生重大影响；您仍可以要求说明，或通过下列渠道提出反对。',
    channels: '提出请求的渠道：',
    noChannel: '请联系我们的个人信息保护负责人：{contact}',
    deadline: { pipl: '我们将及时处理，一般不超过30日。', pipa: '处理期限：30日。', gdpr: '处理期限：一个月，必要时可延长两个月并事先告知您。' },
    list: '、',
  },
  'zh-Hant': {
    title: '自動化決策說明',
    made: '{date}，我們為「{purpose}」目的以自動化方式作出了一項決定：{outcome}。',
    logic: '決策方式：{text}',
    criteria: '判斷標準：{text}',
    inputs: '使用的資料：{list}。',
    factors: '主要因素：',
    factor: '{name}（權重 {weight}%，{direction}）',
    positive: '對您有利',
    negative: '對您不利',
    model: '模型版本：{version}。',
    review: '您可以要求由工作人員重新審查這項決定，陳述您的意見並提出異議。',
    reviewNone: '如您對決定有疑問，可以要求我們進一步說明。',
    object: {
      pipl: '依《個人信息保護法》第二十四條，對僅以自動化決策方式作出、對您的權益有重大影響的決定，您有權要求說明，並有權拒絕僅以自動化決策方式作出決定。',
      pipa: '依韓國《個人資料保護法》第37條之2，對完全自動化、對您的權利或義務有重大影響的決定，您可以拒絕該決定，也可以要求說明或重新審查；我們將於30日內答覆。',
      gdpr: '依《一般資料保護規則》第22條，您有權要求人工介入、表達您的觀點並對決定提出異議。',
    },
    objectNotSignificant: '這項決定不會對您的權益產生重大影響；您仍可以要求說明，或透過下列管道提出反對。',
    channels: '提出請求的管道：',
    noChannel: '請聯絡我們的個人資料保護負責人：{contact}',
    deadline: { pipl: '我們將及時處理，一般不超過30日。', pipa: '處理期限：30日。', gdpr: '處理期限：一個月，必要時可延長兩個月並事先告知您。' },
    list: '、',
  },
  ko: {
    title: '자동화된 결정에 대한 설명',
    made: '{date}에 「{purpose}」 목적으로 자동화된 방식의 결정이 이루어졌습니다: {outcome}.',
    logic: '결정 방식: {text}',
    criteria: '판단 기준: {text}',
    inputs: '사용된 정보: {list}.',
    factors: '주요 요인:',
    factor: '{name} (가중치 {weight}%, {direction})',
    positive: '귀하에게 유리',
    negative: '귀하에게 불리',
    model: '모델 버전: {version}.',
    review: '담당자가 이 결정을 다시 검토하도록 요구하고, 의견을 제출하며 이의를 제기할 수 있습니다.',
    reviewNone: '결정에 대해 궁금한 점이 있으면 추가 설명을 요구할 수 있습니다.',
    object: {
      pipl: '중국 「개인정보보호법」 제24조에 따라, 자동화된 결정만으로 이루어져 귀하의 권익에 중대한 영향을 미치는 결정에 대해 설명을 요구하고 그러한 결정을 거부할 수 있습니다.',
      pipa: '「개인정보 보호법」 제37조의2에 따라, 완전히 자동화된 시스템으로 이루어져 귀하의 권리 또는 의무에 중대한 영향을 미치는 결정을 거부할 수 있으며, 설명이나 검토를 요구할 수 있습니다. 30일 이내에 답변드립니다.',
      gdpr: 'GDPR 제22조에 따라 사람의 개입을 요구하고, 의견을 표명하며, 결정에 이의를 제기할 권리가 있습니다.',
    },
    objectNotSignificant: '이 결정은 귀하의 권리에 중대한 영향을 미치지 않습니다. 그래도 설명을 요구하거나 아래 창구로 반대 의사를 밝힐 수 있습니다.',
    channels: '신청 창구:',
    noChannel: '개인정보 보호책임자에게 연락해 주십시오: {contact}',
    deadline: { pipl: '지체 없이, 통상 30일 이내에 처리합니다.', pipa: '처리 기한: 30일.', gdpr: '처리 기한: 1개월(필요한 경우 미리 알려 드리고 2개월 연장).' },
    list: ', ',
  },
  en: {
    title: 'Explanation of an automated decision',
    made: 'On {date}, a decision was made by automated means for the purpose "{purpose}": {outcome}.',
    logic: 'How the decision is made: {text}',
    criteria: 'Criteria: {text}',
    inputs: 'Information used: {list}.',
    factors: 'Main factors:',
    factor: '{name} (weight {weight}%, {direction})',
    positive: 'in your favour',
    negative: 'against you',
    model: 'Model version: {version}.',
    review: 'You may ask for a person to review this decision, give your point of view and contest it.',
    reviewNone: 'If you have questions about the decision, you may ask us to explain it further.',
    object: {
      pipl: 'Under Article 24 of the PIPL, for decisions made solely by automated means that significantly affect your rights and interests, you may ask for an explanation and refuse decisions made solely by automated means.',
      pipa: 'Under Article 37-2 of Korea\'s PIPA, you may refuse a fully automated decision that significantly affects your rights or obligations, and ask for an explanation or a review; we answer within 30 days.',
      gdpr: 'Under Article 22 of the GDPR, you have the right to obtain human intervention, to express your point of view and to contest the decision.',
    },
    objectNotSignificant: 'This decision does not significantly affect your rights; you may still ask for an explanation or object through the channels below.',
    channels: 'Where to ask:',
    noChannel: 'Contact our privacy officer: {contact}',
    deadline: { pipl: 'We answer promptly, normally within 30 days.', pipa: 'Answer due within 30 days.', gdpr: 'Answer due within one month (extendable by two months, with notice to you).' },
    list: ', ',
  },
};
