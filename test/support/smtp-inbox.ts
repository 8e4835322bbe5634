/** A real SMTP server on loopback for the email tests: it keeps every message it accepts. */
import { writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import type { StoreData } from '../../src-main/store/data';
import { tempDir } from './cli';
import { pdfText } from './pdf';

export interface Delivery {
  from: string;
  to: string[];
  mail: ParsedMail;
}

/** A real SMTP server on loopback that keeps what it receives. */
export class Inbox {
  readonly deliveries: Delivery[] = [];
  private server: SMTPServer | null = null;
  port = 0;

  async start(options: Partial<SMTPServerOptions> = {}, port = 0): Promise<void> {
    this.server = new SMTPServer({
      disabledCommands: ['STARTTLS'],
      authOptional: true,
      logger: false,
      ...options,
      onData: (stream, session, callback) => {
        simpleParser(stream)
          .then((mail) => {
            const envelope = session.envelope;
            this.deliveries.push({
              from: envelope.mailFrom ? envelope.mailFrom.address : '',
              to: envelope.rcptTo.map((rcpt) => rcpt.address),
              mail,
            });
            callback();
          })
          .catch(callback);
      },
    });
    const server = this.server;
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    this.port = (server.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** Settings that send through the loopback server on `port`. */
export function smtpTo(port: number, user = ''): (data: StoreData) => void {
  return (data) => {
    data.settings.smtp = { host: '127.0.0.1', port, secure: false, user, from: '' };
  };
}

/** The text of a message's (first) PDF attachment. */
export async function attachmentText(mail: ParsedMail): Promise<string> {
  const [attachment] = mail.attachments;
  const path = join(await tempDir(), attachment?.filename ?? 'attachment.pdf');
  await writeFile(path, attachment?.content ?? Buffer.alloc(0));
  return pdfText(path);
}
