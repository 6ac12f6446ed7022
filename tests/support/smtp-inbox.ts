// A real SMTP server for tests and benchmarks (the `smtp-server` package): it accepts every message on
// loopback, parses it (mailparser) and keeps it, so a test reads what a person's mail client would get.
import { simpleParser, type ParsedMail } from "mailparser";
import ical from "node-ical";
import { SMTPServer } from "smtp-server";

export type ReceivedMail = {
  to: string[];
  subject: string;
  text: string;
  messageId: string;
  /** The invite (text/calendar part or .ics attachment), parsed; null when the mail has none. */
  invite: { method: string | null; raw: string; events: ical.VEvent[] } | null;
  parsed: ParsedMail;
};

export type SmtpInbox = {
  port: number;
  mails: ReceivedMail[];
  /** Only parses and counts (for benchmarks): keeps nothing but the envelope recipients. */
  count: () => number;
  close: () => Promise<void>;
};

function inviteOf(mail: ParsedMail): ReceivedMail["invite"] {
  const calendarText =
    mail.attachments
      .find((a) => /text\/calendar/i.test(a.contentType) || /\.ics$/i.test(a.filename ?? ""))
      ?.content.toString("utf8") ?? null;
  if (!calendarText) return null;
  const data = ical.sync.parseICS(calendarText);
  const events = Object.values(data).filter((c): c is ical.VEvent => c?.type === "VEVENT");
  const method = /^METHOD:(.+)$/m.exec(calendarText)?.[1]?.trim() ?? null;
  return { method, raw: calendarText, events };
}

/** Listens on `port` (0: any free port) on 127.0.0.1. `parse: false` counts messages without parsing them. */
export async function startSmtpInbox(port = 0, options: { parse?: boolean } = {}): Promise<SmtpInbox> {
  const parse = options.parse ?? true;
  const mails: ReceivedMail[] = [];
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    // Many connections at once: the app's transport may pool several.
    maxClients: 200,
    // On close, the app's pooled connections (idle, every message already accepted) are cut after half a
    // second instead of smtp-server's 30 s: the browser-test worker that closed it waited that long, idle.
    closeTimeout: 500,
    onData(stream, session, callback) {
      const to = session.envelope.rcptTo.map((r) => r.address);
      if (!parse) {
        stream.on("data", () => {});
        stream.on("end", () => {
          received += 1;
          callback();
        });
        return;
      }
      simpleParser(stream)
        .then((parsed) => {
          received += 1;
          mails.push({
            to,
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            messageId: parsed.messageId ?? "",
            invite: inviteOf(parsed),
            parsed,
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const address = server.server.address();
  return {
    port: typeof address === "object" && address ? address.port : port,
    mails,
    count: () => received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
