// Words the person reads: the code message and the README of an export archive, in the four languages.
type Lang = 'zh-Hans' | 'zh-Hant' | 'ko' | 'en';

const pick = <T>(m: Record<Lang, T>, lang: string): T => m[(lang in m ? lang : 'en') as Lang];

const CODE: Record<Lang, { subject: string; body: (code: string, minutes: number) => string }> = {
  'zh-Hans': { subject: '您的验证码', body: (c, m) => `您的验证码是 ${c}，${m} 分钟内有效。若非本人操作，请忽略本消息。` },
  'zh-Hant': { subject: '您的驗證碼', body: (c, m) => `您的驗證碼是 ${c}，${m} 分鐘內有效。若非本人操作，請忽略本訊息。` },
  ko: { subject: '인증 코드', body: (c, m) => `인증 코드는 ${c}입니다. ${m}분 동안 유효합니다. 본인이 요청하지 않았다면 이 메시지를 무시하세요.` },
  en: { subject: 'Your verification code', body: (c, m) => `Your verification code is ${c}. It is valid for ${m} minutes. If you did not ask for it, ignore this message.` },
};

/** The message carrying a one-time code, in the person's language. */
export function codeMessage(lang: string, code: string, minutes: number): { subject: string; text: string } {
  const t = pick(CODE, lang);
  return { subject: t.subject, text: t.body(code, minutes) };
}

const README: Record<Lang, (org: string, at: string) => string> = {
  'zh-Hans': (o, at) => `# 您的个人信息副本\n\n由 ${o} 于 ${at}（UTC）生成。\n\n- data.json：您的个人信息及来自其他系统的记录，机器可读（JSON）。\n- data.csv：您的个人信息，每行一项（类别、值、保存类别、收集时间）。\n- processing.json：处理目的、法律依据、接收方、保存期限及访问记录。\n- connected/：来自我们其他系统的记录（如有）。\n\n如对内容有疑问，或认为信息不准确，可在隐私中心提出更正请求。`,
  'zh-Hant': (o, at) => `# 您的個人資料副本\n\n由 ${o} 於 ${at}（UTC）產生。\n\n- data.json：您的個人資料及來自其他系統的紀錄，機器可讀（JSON）。\n- data.csv：您的個人資料，每列一項（類別、值、保存類別、蒐集時間）。\n- processing.json：處理目的、法律依據、接收者、保存期限及存取紀錄。\n- connected/：來自我們其他系統的紀錄（如有）。\n\n如對內容有疑問，或認為資料不正確，可在隱私中心提出更正請求。`,
  ko: (o, at) => `# 개인정보 사본\n\n${o}이(가) ${at}(UTC)에 만들었습니다.\n\n- data.json: 개인정보와 다른 시스템의 기록(기계 판독 가능한 JSON).\n- data.csv: 개인정보를 한 줄에 하나씩(항목, 값, 보관 등급, 수집 시각).\n- processing.json: 처리 목적, 법적 근거, 제공받는 자, 보유 기간, 열람 기록.\n- connected/: 다른 시스템에 있는 기록(있는 경우).\n\n내용이 정확하지 않다면 개인정보 센터에서 정정을 요구할 수 있습니다.`,
  en: (o, at) => `# A copy of your personal information\n\nMade by ${o} at ${at} (UTC).\n\n- data.json: your personal information and records from our other systems, machine-readable (JSON).\n- data.csv: your personal information, one item per line (category, value, retention class, collected at).\n- processing.json: purposes, legal bases, recipients, retention and the record of who accessed your data.\n- connected/: records from our other systems (if any).\n\nIf anything is wrong, ask for a correction in the privacy center.`,
};

/** The README of an export archive, in the person's language. */
export function exportReadme(lang: string, organization: string, at: string): string {
  return `${pick(README, lang)(organization, at)}\n`;
}
