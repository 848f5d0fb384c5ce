// Sentences of the yearly use and provision history notice (PIPA 20-2) in the four languages.
import type { Language } from '../registry/index.ts';

/** The phrases one notice needs; placeholders in braces. */
export interface HistoryTexts {
  title: string;
  intro: string;
  uses: string;
  use: string;
  noUses: string;
  provisions: string;
  provision: string;
  noProvisions: string;
  contact: string;
  rights: string;
  list: string;
}

/** Notice texts per language; Korean is the one the law asks for, the others serve people who read them better. */
export const HISTORY_TEXTS: Record<Language, HistoryTexts> = {
  ko: {
    title: '개인정보 이용·제공 내역 통지 ({year}년)',
    intro: '{org}은(는) 「개인정보 보호법」 제20조의2에 따라 {from}부터 {to}까지 귀하의 개인정보를 이용하고 제3자에게 제공한 내역을 알려 드립니다.',
    uses: '1. 이용 내역',
    use: '{purpose}: {items} ({count}회, 처음 {first}, 마지막 {last})',
    noUses: '이 기간에 이용한 내역이 없습니다.',
    provisions: '2. 제공 내역',
    provision: '{recipient}{country}: 목적 {purpose}, 항목 {items}, 제공일 {date}',
    noProvisions: '이 기간에 제3자에게 제공한 내역이 없습니다.',
    contact: '문의: {contact}',
    rights: '귀하는 언제든지 개인정보의 열람, 정정·삭제, 처리정지 및 동의 철회를 요구할 수 있습니다.',
    list: ', ',
  },
  en: {
    title: 'Notice of use and provision of your personal information ({year})',
    intro: 'Under Article 20-2 of Korea\'s Personal Information Protection Act, {org} tells you how it used your personal information and to whom it provided it from {from} to {to}.',
    uses: '1. Use',
    use: '{purpose}: {items} ({count} times, first {first}, last {last})',
    noUses: 'No use in this period.',
    provisions: '2. Provision to others',
    provision: '{recipient}{country}: purpose {purpose}; items {items}; provided on {date}',
    noProvisions: 'Nothing was provided to third parties in this period.',
    contact: 'Questions: {contact}',
    rights: 'You may at any time ask to access, correct or delete your personal information, suspend its processing or withdraw consent.',
    list: ', ',
  },
  'zh-Hans': {
    title: '个人信息利用及提供记录通知（{year}年）',
    intro: '依据韩国《个人信息保护法》第20条之2，{org}告知您{from}至{to}期间利用您的个人信息以及向第三方提供的情况。',
    uses: '一、利用记录',
    use: '{purpose}：{items}（{count}次，首次{first}，最近{last}）',
    noUses: '该期间没有利用记录。',
    provisions: '二、提供记录',
    provision: '{recipient}{country}：目的 {purpose}；项目 {items}；提供日期 {date}',
    noProvisions: '该期间未向第三方提供。',
    contact: '联系方式：{contact}',
    rights: '您可以随时要求查阅、更正、删除个人信息，停止处理或撤回同意。',
    list: '、',
  },
  'zh-Hant': {
    title: '個人資料利用及提供紀錄通知（{year}年）',
    intro: '依韓國《個人資料保護法》第20條之2，{org}告知您{from}至{to}期間利用您的個人資料以及向第三方提供的情形。',
    uses: '一、利用紀錄',
    use: '{purpose}：{items}（{count}次，首次{first}，最近{last}）',
    noUses: '該期間沒有利用紀錄。',
    provisions: '二、提供紀錄',
    provision: '{recipient}{country}：目的 {purpose}；項目 {items}；提供日期 {date}',
    noProvisions: '該期間未向第三方提供。',
    contact: '聯絡方式：{contact}',
    rights: '您可以隨時要求查閱、更正、刪除個人資料，停止處理或撤回同意。',
    list: '、',
  },
};
