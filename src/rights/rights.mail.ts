// Sending one-time codes: email through SMTP (nodemailer), SMS through a pluggable sender, and a dev mailbox.
import { createTransport, type Transporter } from 'nodemailer';

/** One message as sent. */
export interface OutgoingMessage {
  channel: 'email' | 'sms';
  to: string;
  subject?: string;
  text: string;
}

/** Sends email. */
export interface Mailer {
  /** Sends one email. */
  send(msg: { to: string; subject: string; text: string }): Promise<void>;
}

/** Sends SMS; deployments plug in their provider behind this interface. */
export interface SmsSender {
  /** Sends one text message. */
  send(msg: { to: string; text: string }): Promise<void>;
}

/** Email through SMTP, configured by a URL such as smtps://user:pass@host:465. */
export class SmtpMailer implements Mailer {
  private readonly transport: Transporter;

  constructor(url: string, private readonly from: string) {
    this.transport = createTransport(url);
  }

  /** Sends one email through the SMTP server. */
  async send(msg: { to: string; subject: string; text: string }): Promise<void> {
    await this.transport.sendMail({ from: this.from, to: msg.to, subject: msg.subject, text: msg.text });
  }
}

/** Development mailbox: keeps the last messages in memory so they can be read at GET /dev/mailbox. */
export class DevMailbox implements Mailer, SmsSender {
  private readonly messages: (OutgoingMessage & { at: string })[] = [];

  constructor(private readonly max = 200) {}

  /** Records an email or SMS (an SMS has no subject). */
  async send(msg: { to: string; subject?: string; text: string }): Promise<void> {
    this.messages.push({ channel: msg.subject === undefined ? 'sms' : 'email', to: msg.to, subject: msg.subject, text: msg.text, at: new Date().toISOString() });
    if (this.messages.length > this.max) this.messages.shift();
  }

  /** Messages sent, newest last; optionally only those to one address or number. */
  list(to?: string): (OutgoingMessage & { at: string })[] {
    return this.messages.filter((m) => to === undefined || m.to.toLowerCase() === to.toLowerCase());
  }
}

/** How codes leave: an email sender, an SMS sender, and the dev mailbox when one is in use. */
export interface CodeSenders {
  email: Mailer;
  sms: SmsSender;
  mailbox?: DevMailbox;
}

/** SMTP when configured, else the dev mailbox for both email and SMS (never both silently in production). */
export function codeSenders(config: { smtpUrl?: string; from: string; sms?: SmsSender }): CodeSenders {
  const mailbox = new DevMailbox();
  if (config.smtpUrl) return { email: new SmtpMailer(config.smtpUrl, config.from), sms: config.sms ?? mailbox, ...(config.sms ? {} : { mailbox }) };
  return { email: mailbox, sms: config.sms ?? mailbox, mailbox };
}
