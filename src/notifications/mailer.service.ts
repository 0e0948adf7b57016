import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { AppConfig } from '../config/app-config.js';
import type { EmailContent } from './domain/email-templates.js';

/** Why a message did not go: a short code for the outbox row, and whether trying again may help. */
export class MailError extends Error {
  constructor(
    readonly code: string,
    readonly permanent: boolean,
  ) {
    super(`e-mail not accepted (${code})`);
  }
}

const TIMEOUT_MS = 15_000;

/**
 * SMTP through nodemailer on `SMTP_URL`. Resolves only when the server accepted the message. Nothing here
 * logs an address or a body (nodemailer's own logger stays off).
 */
@Injectable()
export class Mailer implements OnModuleDestroy {
  private transporter?: Transporter;

  constructor(private readonly config: AppConfig) {}

  get configured(): boolean {
    return this.config.mail.smtpUrl !== undefined;
  }

  async send(to: string, content: EmailContent): Promise<void> {
    try {
      await this.transport().sendMail({
        from: this.config.mail.from,
        to,
        subject: content.subject,
        text: content.text,
        html: content.html,
      });
    } catch (error) {
      throw toMailError(error);
    }
  }

  onModuleDestroy(): void {
    this.transporter?.close();
  }

  private transport(): Transporter {
    if (!this.config.mail.smtpUrl) throw new MailError('MAIL_NOT_CONFIGURED', false);
    this.transporter ??= createTransport({
      url: this.config.mail.smtpUrl,
      connectionTimeout: TIMEOUT_MS,
      greetingTimeout: TIMEOUT_MS,
      socketTimeout: TIMEOUT_MS,
      logger: false,
      debug: false,
    });
    return this.transporter;
  }
}

/** nodemailer errors carry a code (`ECONNECTION`, `EENVELOPE`…) and the server's reply code, if any. */
function toMailError(error: unknown): MailError {
  const e = (typeof error === 'object' && error !== null ? error : {}) as {
    code?: unknown;
    responseCode?: unknown;
  };
  const reply = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  const code = typeof e.code === 'string' ? e.code.replace(/[^A-Z0-9_]/gi, '').slice(0, 20) : 'UNKNOWN';
  // 5xx: the server refused for good (no such mailbox, policy); 4xx and network errors may pass later.
  return new MailError(
    `SMTP_${code}${reply ? `_${reply}` : ''}`.slice(0, 40),
    reply !== undefined && reply >= 500,
  );
}
