import { z } from "zod";
import { optionalText } from "~/utils/validation";

export const DEFAULT_SETTINGS = {
  companyName: "嘉亿信合资产管理有限公司",
  timeZone: "Asia/Shanghai",
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
  reason: optionalText(500),
});
