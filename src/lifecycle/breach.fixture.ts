// Incidents for the breach tests: no personal values, text in every language.
import type { Incident } from './breach.model.ts';

/** A 004 marketplace intrusion affecting 1,200 people (scenario 004 step 5). */
export const KR_INTRUSION: Incident = {
  id: 'INC-2026-004',
  title: { ko: '회원 정보 무단 조회', en: 'Unauthorised access to member data', 'zh-Hans': '会员信息被非法访问', 'zh-Hant': '會員資料遭非法存取' },
  description: {
    ko: '공격자가 탈취한 관리자 계정으로 회원 조회 화면에 접속해 회원 정보를 내려받았습니다.',
    en: 'An attacker used a stolen administrator account to open the member search screen and download member data.',
    'zh-Hans': '攻击者利用窃取的管理员账户登录会员查询页面并下载了会员信息。',
    'zh-Hant': '攻擊者利用竊取的管理員帳號登入會員查詢頁面並下載了會員資料。',
  },
  startedAt: '2026-05-03T16:20:00Z',
  discoveredAt: '2026-05-04T01:00:00Z',
  categories: ['name', 'phone', 'email', 'shipping-address'],
  vector: 'external-intrusion',
  affectedCount: 1200,
  regimes: ['pipa'],
  measures: {
    ko: '해당 관리자 계정을 즉시 차단하고 모든 관리자 비밀번호를 바꿨으며, 관리자 접속에 2단계 인증을 적용했습니다. 수사기관에 신고했습니다.',
    en: 'We blocked the account at once, reset every administrator password, required two-step sign-in for administrators and reported the attack to the police.',
    'zh-Hans': '我们已立即停用该管理员账户，重置全部管理员密码，对管理员登录启用两步验证，并已向公安机关报案。',
    'zh-Hant': '本公司已立即停用該管理員帳號，重設全部管理員密碼，對管理員登入啟用兩步驟驗證，並已向警方報案。',
  },
  contact: { name: { ko: '개인정보 침해 상담 창구', en: 'Data breach help desk', 'zh-Hans': '个人信息泄露咨询窗口', 'zh-Hant': '個資外洩諮詢窗口' }, phone: '+82 2 5555 0199', email: 'breach@market.example' },
};
