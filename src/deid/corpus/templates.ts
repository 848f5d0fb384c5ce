// Sentence templates of the evaluation corpus per language: {slot} marks a value; slots are defined in generate.ts.

/** Templates carrying personal data, per language. */
export const PII_TEMPLATES: Record<string, string[]> = {
  'zh-Hans': [
    '客户{name}的身份证号为{ric}，联系电话{cnMobile}。', '姓名：{name}，身份证：{ric}，手机：{cnMobile}',
    '收货人：{name}，收货地址：{addressZh}，邮编：{postalCn}，电话：{cnMobile}。', '请拨打办公电话{cnLandline}联系{name}。',
    '公司统一社会信用代码：{uscc}。', '营业执照号 {uscc}，开户账号 {card}。', '银行卡号：{card}，持卡人：{name}。',
    '护照号码：{cnPassport}，出生日期：{birth}。', '邮箱：{email}，备用手机{cnMobile}。', '设备IMEI：{imei}，登录IP：{ipv4}。',
    '老身份证号{ric15}已于2010年换发。', '我的手机号是{cnMobile}，有事打给我。', '{name}说他的身份证{ric}丢了。', '已核验 {ric} 的实名信息。',
    '联系人：{name}，座机{cnLandline}。', '供应商信用代码{uscc}，对接人{name}。', '付款卡{card}已绑定。',
  ],
  'zh-Hant': [
    '香港身份證號碼：{hkid}，電話：{hkPhoneIntl}。', '姓名：{name}，香港身份證 {hkid}，手提電話 {hkPhone}',
    '澳門居民身份證 {moId}，聯絡電話 {moPhoneIntl}。', '澳門辦公室電話 {moPhone}，請於辦公時間致電。', '身分證字號 {twId}，手機 {twPhone}。',
    '居留證號碼 {twRcNew}，舊居留證 {twRcOld}。', '地址：{addressTw}，收件人：{name}。', '護照號碼 {hkPassport}，電郵 {email}。',
    '{name}的身分證字號是{twId}。', '請致電 {twPhone} 聯絡客服。', '持有人 HKID {hkid}。',
  ],
  ko: [
    '이름: {name}, 주민등록번호: {rrnPre}, 휴대폰: {krPhone}', '주민등록번호 {rrnPost} (2020년 10월 이후 발급)', '외국인등록번호 {arn}, 연락처 {krPhone}',
    '사업자등록번호 {brn}, 대표자 {name}', '운전면허번호 {krDl}, 여권번호 {krPassport}', '주소: {addressKo}, 우편번호 {postalKr}', '생년월일: {birth}',
    '이메일 {email} 로 회신 바랍니다.', '카드번호 {card} 로 결제되었습니다.', '{name}님의 전화번호는 {krPhone}입니다.', '공급자 사업자등록번호: {brn}',
    '성명 {name}, 주민번호 {rrnPre}', '접속 IP {ipv4}, 단말기 IMEI {imei}',
  ],
  en: [
    'Name: {name}, Email: {email}, Phone: {cnMobile}', 'Please call {name} at {krPhone}.', 'Card number {card} was charged.', 'Date of birth: {birth}',
    'Address: {addressEn}; Postal code: {postalCn}', 'Server {ipv4} and {ipv6} saw device MAC {mac}.', 'Contact {email} for details.', 'IMEI {imei} reported.',
    'HKID {hkid} verified.', 'Passport: {cnPassport}', 'Korean passport {krPassport} expires in 2031.', 'Reach the Taipei office on {twPhone}.',
    'Full name: {name}', 'Customer BRN {brn} (Korea).', 'Taiwan ID {twId} on file.',
  ],
};

/** Templates with look-alike numbers that are not personal data, per language. */
export const DISTRACTOR_TEMPLATES: Record<string, string[]> = {
  'zh-Hans': [
    '订单号：{order}，下单时间：{ts}。', '快递单号{tracking}已发出，预计3天送达。', '发票号码{invoice}，金额¥{amount}。', '身份证号{ricBad}校验失败，请重新输入。',
    '系统版本{version}，时间戳{unixMs}。', '交易流水号{order}。', '卡号{cardBad}无效。', '统一社会信用代码{usccBad}有误。', '共{small}件商品，合计{amount}元。',
    '会议定于{ts}开始，会议室{small}。',
  ],
  'zh-Hant': ['訂單編號 {order}，出貨時間 {ts}。', '物流單號 {tracking}', '身分證字號 {twIdBad} 檢查碼錯誤。', '香港身份證 {hkidBad} 無效。', '發票號碼 {invoice}'],
  ko: ['주문번호 {order}, 주문일시 {ts}', '운송장번호 {tracking12}', '사업자등록번호 {brnBad} 는 유효하지 않습니다.', '타임스탬프 {unixMs}', '결제 금액 {amount}원'],
  en: ['Order #{order} shipped with tracking number {ups} at {ts}.', 'Version {version} build {invoice}.', 'Total: ${amount}', 'timestamp={unixMs}', 'Invoice {invoice} dated {ts}.', 'Card {cardBad} declined.'],
};

/** Sentences with no personal data, per language. */
export const FILLER: Record<string, string[]> = {
  'zh-Hans': ['我们会在收到您的请求后十五个工作日内处理，并通过站内信通知您结果。', '为保障账户安全，请勿向他人透露验证码。', '本政策自2024年1月1日起生效。', '您可以随时在设置中撤回同意。'],
  'zh-Hant': ['我們將於收到申請後十四日內回覆。', '訂單將於 3 個工作天內出貨，感謝您的耐心等候。', '如有疑問，請聯絡客服中心。'],
  ko: ['본 서비스는 개인정보 보호법에 따라 이용자의 정보를 안전하게 관리합니다.', '문의 사항은 고객센터로 연락 주시기 바랍니다.', '2024년 3월 1일부터 약관이 변경됩니다.'],
  en: ['We process your request within 30 days of receipt and will notify you by email.', 'This notice was last updated in 2024.', 'You may withdraw consent at any time in settings.'],
};
