import nodemailer, { type Transporter } from 'nodemailer';
import type { Logger } from './logger.js';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/** Real SMTP through nodemailer. `enabled` is false with no SMTP_URL: callers then offer links to copy. */
export class Mailer {
  private readonly transport: Transporter | undefined;

  constructor(
    smtpUrl: string | undefined,
    private readonly from: string,
    private readonly log: Logger,
  ) {
    this.transport = smtpUrl ? nodemailer.createTransport(smtpUrl) : undefined;
  }

  get enabled(): boolean {
    return Boolean(this.transport);
  }

  async send(mail: Mail): Promise<void> {
    if (!this.transport) throw new Error('SMTP is not configured');
    await this.transport.sendMail({ from: this.from, ...mail });
    // Never log bodies: they carry invite links and codes.
    this.log.info({ subject: mail.subject }, 'email sent');
  }

  close(): void {
    this.transport?.close();
  }
}

export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
