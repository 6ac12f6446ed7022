import { z } from "zod";

import { parseOfficeNetworks } from "~/domain/attendance/office-networks";
import { optionalText } from "~/utils/validation";

/** When a result page shows the correct answers and explanations: after a pass (or to a certified person), or never. */
export const SHOW_ANSWERS = ["afterPassing", "never"] as const;
export type ShowAnswers = (typeof SHOW_ANSWERS)[number];

export const DEFAULT_SETTINGS = {
  companyName: "嘉亿信合资产管理有限公司",
  timeZone: "Asia/Shanghai",
  // Case-work certification (docs/decisions/0007): months a pass is valid, days of grace after a rule changes,
  // default pass mark, questions per changed rule in the re-quiz.
  certValidityMonths: 12,
  certGraceDays: 7,
  defaultPassPercent: 90,
  requizQuestionsPerRule: 2,
  showAnswers: "afterPassing" as ShowAnswers,
  // Notices (step 009): who the mail comes from, how long before a session the reminder goes out, and how
  // many days before the first session department heads must have confirmed their attendees.
  mailSenderName: "嘉亿信合培训部",
  mailSenderAddress: "training@jyxh.example.com",
  reminderLeadHours: 24,
  headConfirmDays: 3,
  // Sign-in (step 011): how many minutes before the start the code is accepted, after how many minutes past
  // the start a sign-in counts as late, and the office network's address ranges ("" = from anywhere).
  signInOpensMinutes: 30,
  lateAfterMinutes: 10,
  signInNetworks: "",
};
export type CompanySettings = typeof DEFAULT_SETTINGS;

const validTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

export const SettingsSchema = z.object({
  companyName: z.string().trim().min(1).max(100),
  timeZone: z.string().trim().min(1).max(64).refine(validTimeZone, "settings.invalidTimeZone"),
  certValidityMonths: z.coerce.number().int().min(1).max(60),
  certGraceDays: z.coerce.number().int().min(0).max(90),
  defaultPassPercent: z.coerce.number().int().min(1).max(100),
  requizQuestionsPerRule: z.coerce.number().int().min(1).max(5),
  showAnswers: z.enum(SHOW_ANSWERS),
  mailSenderName: z.string().trim().min(1).max(100),
  mailSenderAddress: z.email().max(200),
  reminderLeadHours: z.coerce.number().int().min(1).max(168),
  headConfirmDays: z.coerce.number().int().min(0).max(30),
  signInOpensMinutes: z.coerce.number().int().min(0).max(240),
  lateAfterMinutes: z.coerce.number().int().min(0).max(120),
  signInNetworks: z
    .string()
    .trim()
    .max(2000)
    .refine((text) => parseOfficeNetworks(text).invalid.length === 0, "settings.invalidNetworks"),
  reason: optionalText(500),
});
