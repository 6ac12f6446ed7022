// The outbox end to end: messages queued in a transaction, the SMTP server down while two worker
// processes try, then up: every message arrives exactly once, the invite as text/calendar, and a
// rolled-back transaction's message never. docs/decisions/0017-mail-outbox.md
import { spawn, type ChildProcess } from "node:child_process";

import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, expect, it, vi } from "vitest";

import { queueMail, type MailInput } from "~/domain/mail/queue-mail.server";
import { db } from "~/utils/db.server";

// A port outside the ephemeral range: it must stay free between the workers' failed tries and the SMTP server's
// start, and an outgoing connection of a parallel test could take an ephemeral one meanwhile.
import { freePort } from "../setup/postgres";

const COUNT = 24;
const children: ChildProcess[] = [];
const outputs: Array<{ output: string }> = [];
let smtp: SMTPServer | undefined;

afterAll(async () => {
  if (process.env.MAIL_TEST_DEBUG) for (const state of outputs) console.log(state.output);
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null) return resolve();
          child.once("exit", () => resolve());
          child.kill("SIGTERM");
        }),
    ),
  );
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
});

const ICS = [
  "BEGIN:VCALENDAR",
  "VERSION:2.0",
  "PRODID:-//TrainGate//test//ZH",
  "METHOD:REQUEST",
  "BEGIN:VEVENT",
  "UID:session-1@traingate",
  "SEQUENCE:0",
  "DTSTAMP:20261201T010000Z",
  "DTSTART;TZID=Asia/Shanghai:20261210T090000",
  "DTEND;TZID=Asia/Shanghai:20261210T120000",
  "SUMMARY:催收合规培训",
  "END:VEVENT",
  "END:VCALENDAR",
].join("\r\n");

const mail = (i: number): MailInput => ({
  kind: "course.notice",
  toAddress: `agent${i}@example.com`,
  toName: `学员${i}`,
  subject: `培训通知 ${i}`,
  text: `您好，请参加培训。${i}`,
  ics: i === 0 ? { method: "REQUEST", text: ICS } : null,
  sourceType: "Course",
  sourceId: "course-1",
});

function startWorker(port: number) {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/integration/mail-worker-process.ts"], {
    cwd: process.cwd(),
    env: { ...process.env, SMTP_URL: `smtp://127.0.0.1:${port}` },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const state = { output: "" };
  child.stdout?.on("data", (d) => (state.output += String(d)));
  child.stderr?.on("data", (d) => (state.output += String(d)));
  children.push(child);
  outputs.push(state);
  return state;
}

it("SMTP down while a course is published, then up: every message delivered exactly once by two workers", async () => {
  // A fresh job queue: the worker database is reused between test files.
  await db.$executeRawUnsafe("DROP SCHEMA IF EXISTS pgboss CASCADE");
  await db.$transaction((tx) =>
    queueMail(
      tx,
      Array.from({ length: COUNT }, (_, i) => mail(i)),
    ),
  );
  await expect(
    db.$transaction(async (tx) => {
      await queueMail(tx, [{ ...mail(999), subject: "never sent" }]);
      throw new Error("the publish failed");
    }),
  ).rejects.toThrow("the publish failed");

  const port = await freePort();
  const workers = [startWorker(port), startWorker(port)];
  await vi.waitFor(() => workers.forEach((w) => expect(w.output).toContain("mail worker ready")), {
    timeout: 30_000,
    interval: 100,
  });

  // Nothing listens on the port: every message is tried, fails, and waits for its retry.
  await expect
    .poll(() => db.outboxMessage.count({ where: { attempts: { gt: 0 }, lastError: { not: null } } }), {
      timeout: 20_000,
      interval: 200,
    })
    .toBe(COUNT);
  expect(await db.outboxMessage.count({ where: { status: "SENT" } })).toBe(0);

  const received: Array<{ messageId: string; subject: string; raw: string }> = [];
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        void simpleParser(raw).then((parsed) => {
          received.push({ messageId: parsed.messageId ?? "", subject: parsed.subject ?? "", raw });
          callback();
        }, callback);
      });
    },
  });
  await new Promise<void>((resolve) => smtp!.listen(port, "127.0.0.1", resolve));

  await expect
    .poll(() => db.outboxMessage.count({ where: { status: "SENT" } }), { timeout: 40_000, interval: 250 })
    .toBe(COUNT);

  const rows = await db.outboxMessage.findMany({ select: { id: true, smtpMessageId: true, sentAt: true } });
  expect(rows).toHaveLength(COUNT);
  const ids = received.map((r) => r.messageId).sort();
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids).toEqual(rows.map((r) => r.smtpMessageId).sort());
  for (const row of rows) expect(row.smtpMessageId).toContain(row.id);
  expect(received.some((r) => r.subject === "never sent")).toBe(false);

  const invite = received.find((r) => r.subject === "培训通知 0");
  const parsed = await simpleParser(invite!.raw);
  expect(invite!.raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);
  const calendar = parsed.attachments.find((a) => a.contentType === "text/calendar" || /\.ics$/.test(a.filename ?? ""));
  expect(calendar?.content.toString("utf8")).toContain("UID:session-1@traingate");
}, 60_000);
