/**
 * Sending mail over SMTP with nodemailer: GONGKAI_SMTP_URL (e.g. smtp://127.0.0.1:2525, smtps://user:pass@host)
 * names the server, GONGKAI_MAIL_FROM the sender. Without GONGKAI_SMTP_URL no mail is sent at all.
 * nodemailer is loaded with the first mail, not when the server starts (issue #10.4).
 */
import type { Transporter } from "nodemailer";

/** One plain-text mail. */
export interface OutgoingMail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

/** Something that delivers mail: resolves once the server accepted it, rejects otherwise. */
export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  /** Closes the connections. */
  close(): void;
}

/** The SMTP configuration of the environment. */
export interface SmtpConfig {
  readonly url: string;
  readonly from: string;
}

/** The sender used when GONGKAI_MAIL_FROM is not set. */
export const DEFAULT_MAIL_FROM = '"政府信息公开工作平台" <gongkai@localhost>';

/** The SMTP configuration from GONGKAI_SMTP_URL and GONGKAI_MAIL_FROM, or null when no server is set. */
export function smtpConfigFromEnv(env: NodeJS.ProcessEnv = process.env): SmtpConfig | null {
  const url = env.GONGKAI_SMTP_URL?.trim();
  if (!url) return null;
  return { url, from: env.GONGKAI_MAIL_FROM?.trim() || DEFAULT_MAIL_FROM };
}

/** A mailer over the SMTP server of the configuration; a dead server fails within seconds, not minutes. */
export function smtpMailer(config: SmtpConfig): Mailer {
  let transport: Promise<Transporter> | undefined;
  const open = () =>
    (transport ??= import("nodemailer").then((nodemailer) =>
      nodemailer.default.createTransport({
        url: config.url,
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 30_000,
      }),
    ));
  return {
    async send(mail) {
      await (await open()).sendMail({
        from: config.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
      });
    },
    close: () => void transport?.then((opened) => opened.close()),
  };
}
