// 个人信息泄露告知和报告的简体中文用语。
import type { BreachMessages } from './breach.messages.model.ts';

const pad = (n: number) => String(n).padStart(2, '0');
function zone(m: number): string {
  if (m === 480) return '北京时间';
  if (m === 540) return '韩国时间';
  if (m === 0) return '协调世界时';
  const h = Math.abs(m) / 60;
  return `UTC${m < 0 ? '-' : '+'}${Number.isInteger(h) ? h : h.toFixed(1)}`;
}

/** Simplified Chinese breach messages. */
export const zhHans: BreachMessages = {
  listSeparator: '、',
  headingMark: '■ ',
  sentenceGap: '',
  labelSeparator: '：',
  more: (_shown, total) => `等${total}项`,
  dateTime: (y, mo, d, h, mi, off) => `${y}年${mo}月${d}日 ${pad(h)}:${pad(mi)}（${zone(off)}）`,
  subject: (org, title) => `【${org}】关于您个人信息泄露的告知（${title}）`,
  subjectPossible: (org, title) => `【${org}】关于您个人信息可能泄露的告知（${title}）`,
  greeting: '尊敬的{{name}}：',
  opening: (org) => `我们非常抱歉地通知您：${org}处理的您的个人信息发生了泄露。现将有关情况、可能的影响以及您可以采取的措施告知如下。`,
  openingPossible: (org) => `${org}处理的您的个人信息可能已经泄露。现将目前掌握的情况告知如下；确认后我们将立即再次通知您。`,
  headings: {
    items: '涉及的个人信息种类', when: '发生时间和原因', harm: '可能造成的危害', measures: '我们已采取的补救措施',
    advice: '您可以采取的措施', help: '联系我们', dpo: '个人信息保护负责人', report: '投诉举报渠道', remedies: '您的权利',
  },
  when: (s, d) => `事件约自${s}开始，我们于${d}发现。`,
  cause: (v) => `原因：${v}。`,
  vectors: {
    'external-intrusion': '外部非法入侵（网络攻击）', insider: '内部人员违规处理',
    loss: '载有个人信息的设备或文件丢失', misdelivery: '个人信息被误发给他人', other: '详见下文说明',
  },
  harms: {
    phishing: '不法分子可能冒充我们或您认识的人，通过短信、电话或邮件实施诈骗。',
    'identity-theft': '证件号码等信息可能被冒用，导致身份被盗用。',
    'financial-fraud': '支付或银行账户信息可能被盗用，造成财产损失。',
    'account-takeover': '他人可能尝试登录您的账户。',
    'physical-safety': '地址或位置信息可能被用于骚扰或上门推销。',
    'sensitive-exposure': '敏感个人信息被他人知悉，可能侵害您的隐私或使您受到歧视。',
    biometric: '生物识别信息无法更改，可能被用于冒充您通过身份验证。',
    general: '泄露的信息可能被用于营销骚扰或诈骗。',
  },
  advice: {
    phishing: '请勿点击来历不明的短信、邮件中的链接，不要向任何人透露密码、验证码或银行卡信息。我们不会通过电话或短信向您索要密码或验证码。',
    'identity-theft': '请留意是否有人以您的名义办理业务，必要时向发证机关挂失并补办证件。',
    'financial-fraud': '请联系开户银行或发卡机构开通交易提醒，必要时挂失或更换银行卡；发现可疑交易请立即告知银行。',
    'account-takeover': '请立即修改密码，并修改使用相同密码的其他服务的密码。',
    'physical-safety': '请留意陌生人上门以及可疑的信件、包裹。',
    'sensitive-exposure': '如有人利用这些信息与您联系，请不要回应，并告知我们。',
    biometric: '请关闭相关的生物识别验证，改用密码等其他验证方式。',
    general: '如收到可疑的电话或信息，请不要回应，并通过下列方式告知我们。',
  },
  contactLabels: { email: '电子邮箱', phone: '电话', web: '网站', hours: '服务时间' },
  followUp: '尚未查明的情况，我们查明后将及时再次告知您。',
  reportTo: {
    pipl: '您可以向履行个人信息保护职责的部门投诉、举报（例如拨打违法和不良信息举报电话 12377）。',
    pipa: '如因此受到损害，您可以向韩国个人信息侵害举报中心（在韩国拨打 118）举报或咨询，也可以向个人信息纠纷调解委员会（1833-6972）申请调解。',
    gdpr: (a) => `您有权向数据保护监管机构${a ? `（${a}）` : ''}投诉。`,
  },
  remedies: {
    pipl: '因个人信息处理活动受到损害的，您可以依法要求赔偿（《个人信息保护法》第六十九条）。',
    pipa: '受到损害的，您可以依照韩国《个人信息保护法》第三十九条及第三十九条之二请求损害赔偿或法定损害赔偿。',
    gdpr: '您还有权向法院寻求救济并要求赔偿（GDPR 第七十九条、第八十二条）。',
  },
  closing: '对由此给您带来的担忧和不便，我们深表歉意。我们将进一步加强个人信息保护，防止类似事件再次发生。',
  letterHead: '{{name}} 收\n{{postalAddress}}\n\n{{date}}',
  phone: {
    intro: (org) => `您好，这里是${org}个人信息保护部门。请问是{{name}}吗？`,
    noSecrets: '本次通话不会询问您的密码、验证码或银行账户信息。',
    items: (items) => `我们致电是因为您的以下个人信息发生了泄露：${items}。`,
    measures: '我们已采取的措施如下：',
    advice: '建议您采取以下措施：',
    callback: (c) => `详细情况我们也会以书面方式告知您。如有疑问，请联系我们：${c}。`,
    end: '再次向您致歉，感谢您的耐心。',
  },
  push: {
    title: (org) => `【${org}】个人信息泄露告知`,
    body: (items) => `您的部分个人信息（${items}）发生泄露。请查看邮件或应用内通知，了解应对措施。`,
    bodyPossible: (items) => `您的部分个人信息（${items}）可能已经泄露。请查看邮件或应用内通知，了解应对措施。`,
  },
  report: {
    title: '个人信息泄露事件报告',
    authorities: {
      pipl: '履行个人信息保护职责的部门（网信部门）',
      pipa: '韩国个人信息保护委员会或韩国互联网振兴院',
      gdpr: '欧盟牵头监管机构',
    },
    fields: {
      reporter: '个人信息处理者', incident: '事件编号', title: '事件名称', nature: '事件情况', categories: '涉及的个人信息种类',
      sensitive: '是否涉及敏感个人信息或唯一识别信息', affected: '涉及人数（约）', records: '涉及记录数（约）',
      started: '发生时间', discovered: '发现时间', cause: '发生原因', harm: '可能造成的危害', measures: '已采取的补救措施',
      advice: '个人可以采取的减轻危害的措施', individuals: '通知个人情况', contact: '联系方式', dpo: '个人信息保护负责人',
      due: '报告时限', severity: '严重程度', delay: '迟延原因', followUp: '后续报告',
    },
    yes: '是',
    no: '否',
    count: (n) => `${n.toLocaleString('zh-CN')}人`,
    immediately: '立即',
    noHourLimit: '无不当迟延',
    notRequired: '依适用规则无需报告',
    individualsPlan: (l) => `通过电子邮件、信函、电话或推送消息逐一通知（${l}）。`,
    individualsSkipped: '不通知个人：所采取的措施能够有效避免危害（监管部门仍可要求通知）。',
    followUp: '尚未查明的情况，查明后将及时补充报告。',
    severities: { low: '低', medium: '中', high: '高', critical: '严重' },
  },
};
