/** 1234567 fen → "12,345.67" */
export function yuan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return "";
  return (fen / 100).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}
