import type { TFunction } from "i18next";

import { fromUnits } from "~/domain/plan/fields";

/**
 * Every amount of money on a page: ¥12,345.50 from fen (-¥1.50 below zero), always two decimals, with no float in
 * between.
 */
export function formatYuan(fen: number): string {
  const [whole, fraction] = (fromUnits(Math.abs(fen), 2) + ".").split(".");
  return `${fen < 0 ? "-" : ""}¥${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${fraction.padEnd(2, "0")}`;
}

export const formatHours = (tenths: number) => fromUnits(tenths, 1);

/** Amount as typed in a form field (yuan, no separators). */
export const yuanInput = (fen: number) => fromUnits(fen, 2);

export function formatMonths(t: TFunction, months: number[]): string {
  return months.map((m) => t(`training.monthShort.${m}`)).join(t("training.listSeparator"));
}
