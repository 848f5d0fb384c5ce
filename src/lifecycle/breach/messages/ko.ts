// 개인정보 유출 통지문과 신고서의 한국어 문구.
import type { BreachMessages } from './breach.messages.model.ts';

const pad = (n: number) => String(n).padStart(2, '0');
function zone(m: number): string {
  if (m === 540) return '한국 시간';
  if (m === 480) return '중국 시간';
  if (m === 0) return '세계 표준시';
  const h = Math.abs(m) / 60;
  return `세계 표준시 기준 ${m < 0 ? '-' : '+'}${Number.isInteger(h) ? h : h.toFixed(1)}시간`;
}

/** Korean breach messages. */
export const ko: BreachMessages = {
  listSeparator: ', ',
  headingMark: '■ ',
  sentenceGap: ' ',
  labelSeparator: ': ',
  more: (shown, total) => ` 외 ${total - shown}건`,
  dateTime: (y, mo, d, h, mi, off) => `${y}년 ${mo}월 ${d}일 ${pad(h)}:${pad(mi)}(${zone(off)})`,
  subject: (org, title) => `[${org}] 개인정보 유출 사실을 알려 드립니다(${title})`,
  subjectPossible: (org, title) => `[${org}] 개인정보 유출 가능성을 알려 드립니다(${title})`,
  greeting: '{{name}} 님께',
  opening: (org) => `${org}에서 관리하던 고객님의 개인정보가 유출된 사실을 확인했습니다. 심려를 끼쳐 드려 깊이 사과드리며, 유출 경위와 대응 방법을 아래와 같이 알려 드립니다.`,
  openingPossible: (org) => `${org}에서 관리하던 고객님의 개인정보가 유출되었을 가능성이 있어 지금까지 확인된 내용을 알려 드립니다. 유출 여부가 확인되면 바로 다시 알려 드리겠습니다.`,
  headings: {
    items: '유출된 개인정보 항목', when: '유출 시점과 경위', harm: '예상되는 피해', measures: '회사의 대응 조치',
    advice: '피해를 줄이기 위해 하실 수 있는 일', help: '피해 상담 및 문의 창구', dpo: '개인정보 보호책임자', report: '피해 신고 및 상담 기관', remedies: '권리 구제 방법',
  },
  when: (s, d) => `${s}경부터 발생한 것으로 보이며, 회사는 ${d}에 이 사실을 알게 되었습니다.`,
  cause: (v) => `원인: ${v}`,
  vectors: {
    'external-intrusion': '외부의 불법적인 접근(해킹)', insider: '내부자의 부적절한 취급',
    loss: '개인정보가 담긴 기기 또는 서류의 분실', misdelivery: '다른 사람에게 잘못 발송', other: '아래 설명 참조',
  },
  harms: {
    phishing: '회사나 지인을 사칭한 문자, 전화, 이메일로 사기(스미싱·보이스피싱 등)를 시도할 수 있습니다.',
    'identity-theft': '신분증 번호 등이 도용되어 명의도용 피해가 생길 수 있습니다.',
    'financial-fraud': '결제 정보나 계좌 정보가 부정하게 사용되어 금전적 피해가 생길 수 있습니다.',
    'account-takeover': '다른 사람이 고객님의 계정에 접속을 시도할 수 있습니다.',
    'physical-safety': '주소나 위치 정보가 원치 않는 방문이나 우편물에 이용될 수 있습니다.',
    'sensitive-exposure': '민감한 정보가 다른 사람에게 알려져 사생활이 침해되거나 차별을 받을 수 있습니다.',
    biometric: '생체정보는 바꿀 수 없어 본인 인증에 악용될 수 있습니다.',
    general: '유출된 정보가 원치 않는 광고나 사기에 이용될 수 있습니다.',
  },
  advice: {
    phishing: '출처가 불분명한 문자나 이메일의 링크를 누르지 마시고, 누구에게도 비밀번호, 인증번호, 카드 정보를 알려 주지 마십시오. 회사는 전화나 문자로 비밀번호나 인증번호를 묻지 않습니다.',
    'identity-theft': '명의도용 방지 서비스를 이용하시고, 필요하면 신분증 분실 신고 후 재발급을 받으십시오.',
    'financial-fraud': '거래 은행이나 카드사에 결제 알림을 신청하시고, 필요하면 카드를 재발급받으십시오. 모르는 거래가 있으면 즉시 금융회사에 알려 주십시오.',
    'account-takeover': '지금 비밀번호를 변경하시고, 같은 비밀번호를 쓰는 다른 서비스의 비밀번호도 바꿔 주십시오.',
    'physical-safety': '낯선 사람의 방문이나 의심스러운 우편물, 택배에 주의해 주십시오.',
    'sensitive-exposure': '이 정보를 내세워 연락해 오는 사람이 있으면 응하지 마시고 회사에 알려 주십시오.',
    biometric: '해당 생체 인증을 끄고 비밀번호 등 다른 인증 수단을 사용해 주십시오.',
    general: '의심스러운 연락을 받으시면 응하지 마시고 아래 창구로 알려 주십시오.',
  },
  contactLabels: { email: '이메일', phone: '전화', web: '웹사이트', hours: '운영 시간' },
  followUp: '아직 확인되지 않은 내용은 확인되는 대로 다시 알려 드리겠습니다.',
  reportTo: {
    pipl: '중국의 개인정보 보호 담당 기관에 신고하거나 민원을 제기하실 수 있습니다(불법 정보 신고 전화 12377 등).',
    pipa: '피해를 입으셨다면 개인정보침해 신고센터(국번 없이 118)에 신고하거나 상담을 받으실 수 있으며, 개인정보 분쟁조정위원회(1833-6972)에 분쟁조정을 신청하실 수 있습니다.',
    gdpr: (a) => `관할 감독기관${a ? `(${a})` : ''}에 민원을 제기하실 수 있습니다.`,
  },
  remedies: {
    pipl: '개인정보 처리로 손해를 입으신 경우 배상을 청구하실 수 있습니다(중국 개인정보보호법 제69조).',
    pipa: '피해를 입으신 경우 「개인정보 보호법」 제39조 및 제39조의2에 따라 손해배상 또는 법정손해배상을 청구하실 수 있습니다.',
    gdpr: '법원에 구제를 청구하고 손해배상을 요구하실 수 있습니다(유럽연합 일반개인정보보호규정 제79조, 제82조).',
  },
  closing: '걱정과 불편을 끼쳐 드려 진심으로 사과드립니다. 같은 일이 다시 일어나지 않도록 개인정보 보호에 최선을 다하겠습니다.',
  letterHead: '{{name}} 님 귀하\n{{postalAddress}}\n\n{{date}}',
  phone: {
    intro: (org) => `안녕하십니까, ${org} 개인정보 보호 담당자입니다. {{name}} 님 되십니까?`,
    noSecrets: '이 통화에서는 비밀번호, 인증번호, 계좌번호를 여쭙지 않습니다.',
    items: (items) => `고객님의 개인정보가 유출되어 안내 전화를 드렸습니다. 유출된 항목은 ${items}입니다.`,
    measures: '회사가 취한 조치는 다음과 같습니다.',
    advice: '피해를 줄이기 위해 다음을 권해 드립니다.',
    callback: (c) => `자세한 내용은 서면으로도 보내 드리겠습니다. 궁금하신 점은 아래로 문의해 주십시오. ${c}`,
    end: '다시 한번 사과드립니다. 감사합니다.',
  },
  push: {
    title: (org) => `[${org}] 개인정보 유출 안내`,
    body: (items) => `고객님의 개인정보(${items})가 유출된 사실을 확인했습니다. 대응 방법은 이메일이나 앱 공지를 확인해 주십시오.`,
    bodyPossible: (items) => `고객님의 개인정보(${items})가 유출되었을 가능성이 있습니다. 대응 방법은 이메일이나 앱 공지를 확인해 주십시오.`,
  },
  report: {
    title: '개인정보 유출 등 신고서',
    authorities: {
      pipl: '중국 개인정보 보호 담당 기관(국가인터넷정보판공실)',
      pipa: '개인정보보호위원회 또는 한국인터넷진흥원',
      gdpr: '유럽연합 주관 감독기관',
    },
    fields: {
      reporter: '개인정보처리자', incident: '사고 번호', title: '제목', nature: '유출 등의 내용', categories: '유출된 개인정보 항목',
      sensitive: '민감정보 또는 고유식별정보 포함 여부', affected: '유출 규모(정보주체 수)', records: '유출 건수',
      started: '발생 시점', discovered: '인지 시점', cause: '유출 경위', harm: '예상되는 피해', measures: '대응 조치 및 피해 구제 절차',
      advice: '정보주체가 할 수 있는 조치', individuals: '정보주체 통지', contact: '담당 부서 및 연락처', dpo: '개인정보 보호책임자',
      due: '신고 기한', severity: '심각도', delay: '지연 사유', followUp: '추가 신고',
    },
    yes: '예',
    no: '아니요',
    count: (n) => `${n.toLocaleString('ko')}명`,
    immediately: '즉시',
    noHourLimit: '지체 없이',
    notRequired: '신고 의무 없음',
    individualsPlan: (l) => `이메일, 우편, 전화, 앱 알림으로 개별 통지(${l})`,
    individualsSkipped: '개별 통지 생략: 조치로 피해가 효과적으로 방지됨(감독기관이 통지를 명할 수 있음)',
    followUp: '아직 확인되지 않은 사항은 확인되는 대로 추가로 신고하겠습니다.',
    severities: { low: '낮음', medium: '보통', high: '높음', critical: '매우 높음' },
  },
};
