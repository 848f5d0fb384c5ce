// English wording of breach notices and regulator reports.
import type { BreachMessages } from './breach.messages.model.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const pad = (n: number) => String(n).padStart(2, '0');
const zone = (m: number) => `UTC${m < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(m) / 60))}:${pad(Math.abs(m) % 60)}`;

/** English breach messages. */
export const en: BreachMessages = {
  listSeparator: ', ',
  headingMark: '',
  sentenceGap: ' ',
  labelSeparator: ': ',
  more: (shown, total) => ` and ${total - shown} more`,
  dateTime: (y, mo, d, h, mi, off) => `${d} ${MONTHS[mo - 1]} ${y}, ${pad(h)}:${pad(mi)} (${zone(off)})`,
  subject: (org, title) => `${org}: a personal data breach affecting you (${title})`,
  subjectPossible: (org, title) => `${org}: your personal data may have been exposed (${title})`,
  greeting: 'Dear {{name}},',
  opening: (org) => `We are sorry to tell you that personal data about you held by ${org} has been involved in a security breach. This message explains what happened, what it could mean for you and what you can do.`,
  openingPossible: (org) => `We are writing because personal data about you held by ${org} may have been exposed. This is what we know so far; we will write again as soon as we have confirmed whether your data was affected.`,
  headings: {
    items: 'What information was involved', when: 'When and how it happened', harm: 'What this could mean for you', measures: 'What we have done',
    advice: 'What you can do', help: 'How to contact us', dpo: 'Our data protection officer', report: 'Where to report harm or complain', remedies: 'Your rights',
  },
  when: (s, d) => `It appears to have started on ${s}; we became aware of it on ${d}.`,
  cause: (v) => `Cause: ${v}.`,
  vectors: {
    'external-intrusion': 'unlawful access from outside (a cyberattack)', insider: 'improper handling by someone inside the company',
    loss: 'loss of a device or documents holding the data', misdelivery: 'the data being sent to the wrong recipient', other: 'see the description below',
  },
  harms: {
    phishing: 'Criminals may pretend to be us or someone you know and contact you by text message, phone or email to trick you.',
    'identity-theft': 'Your identity document numbers could be misused to impersonate you.',
    'financial-fraud': 'Your payment or bank details could be misused, causing financial loss.',
    'account-takeover': 'Someone could try to sign in to your account.',
    'physical-safety': 'Your address or location could be used for unwanted visits or mail.',
    'sensitive-exposure': 'Sensitive information about you could become known to others, harming your privacy or exposing you to discrimination.',
    biometric: 'Biometric data cannot be changed and could be misused to pass identity checks as you.',
    general: 'The information could be used for unwanted marketing or scams.',
  },
  advice: {
    phishing: 'Do not click links in unexpected messages or give anyone your passwords, codes or card details. We will never ask for your password or a verification code by phone or text message.',
    'identity-theft': 'Watch for accounts or contracts opened in your name and, if needed, report the document as compromised and have it reissued.',
    'financial-fraud': 'Ask your bank or card issuer to turn on transaction alerts and, if needed, replace your card. Report any transaction you do not recognise to them at once.',
    'account-takeover': 'Change your password now, and also on any other service where you use the same password.',
    'physical-safety': 'Be careful with unexpected visitors, letters or parcels.',
    'sensitive-exposure': 'If someone contacts you using this information, do not respond and let us know.',
    biometric: 'Turn off the biometric sign-in concerned and use a password or another method instead.',
    general: 'If you receive a suspicious message or call, do not respond and let us know using the details below.',
  },
  contactLabels: { email: 'Email', phone: 'Phone', web: 'Website', hours: 'Hours' },
  followUp: 'If we learn more, we will tell you promptly.',
  reportTo: {
    pipl: 'You can complain to or report to the authorities responsible for personal information protection in China (for example the reporting line 12377).',
    pipa: 'If you have suffered harm, you can report it or get advice at the Personal Information Infringement Report Center (dial 118 in Korea), or apply to the Personal Information Dispute Mediation Committee (1833-6972) for mediation.',
    gdpr: (a) => `You have the right to lodge a complaint with a supervisory authority${a ? ` (${a})` : ''}.`,
  },
  remedies: {
    pipl: 'If the processing has harmed you, you may claim compensation (PIPL Article 69).',
    pipa: 'You may claim damages or statutory damages under Articles 39 and 39-2 of the Personal Information Protection Act.',
    gdpr: 'You also have the right to an effective judicial remedy and to compensation (GDPR Articles 79 and 82).',
  },
  closing: 'We sincerely apologise for the worry and inconvenience this causes, and we are strengthening our protection so that it does not happen again.',
  letterHead: '{{name}}\n{{postalAddress}}\n\n{{date}}',
  phone: {
    intro: (org) => `Hello, this is the privacy team of ${org}. May I speak to {{name}}?`,
    noSecrets: 'During this call we will not ask for your password, verification codes or bank details.',
    items: (items) => `We are calling because the following information about you was involved in a data breach: ${items}.`,
    measures: 'What we have done:',
    advice: 'What we suggest you do:',
    callback: (c) => `We will also send you the details in writing. If you have any questions, please contact us: ${c}.`,
    end: 'We are very sorry. Thank you for your time.',
  },
  push: {
    title: (org) => `${org}: data breach notice`,
    body: (items) => `Some of your information (${items}) was involved in a data breach. Please read our email or in-app notice for what to do.`,
    bodyPossible: (items) => `Some of your information (${items}) may have been exposed. Please read our email or in-app notice for what to do.`,
  },
  report: {
    title: 'Personal data breach report',
    authorities: {
      pipl: 'Authority responsible for personal information protection (Cyberspace Administration of China)',
      pipa: 'Personal Information Protection Commission or Korea Internet & Security Agency',
      gdpr: 'Lead supervisory authority',
    },
    fields: {
      reporter: 'Controller', incident: 'Incident reference', title: 'Title', nature: 'Nature of the breach', categories: 'Categories of personal data',
      sensitive: 'Sensitive data or unique identifiers', affected: 'People affected (approximate)', records: 'Records affected (approximate)',
      started: 'Started', discovered: 'Became aware', cause: 'Cause', harm: 'Likely consequences', measures: 'Measures taken or proposed',
      advice: 'What people can do', individuals: 'Notice to the people affected', contact: 'Contact point', dpo: 'Data protection officer',
      due: 'Report due', severity: 'Severity', delay: 'Reasons for any delay', followUp: 'Further information',
    },
    yes: 'Yes',
    no: 'No',
    count: (n) => n.toLocaleString('en'),
    immediately: 'Immediately',
    noHourLimit: 'Without undue delay',
    notRequired: 'Not required under the rules that apply',
    individualsPlan: (l) => `Notified individually by email, letter, phone or push message, in ${l}.`,
    individualsSkipped: 'Individual notice not planned: measures effectively avoid harm (the authority may still order it).',
    followUp: 'Details not yet known will be reported as soon as they are established.',
    severities: { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' },
  },
};
