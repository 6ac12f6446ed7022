import { z } from "zod";

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
  reason: optionalText(500),
});
