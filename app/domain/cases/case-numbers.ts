// Pure: checks and masks the personal numbers of a case (ID card and bank card). The full numbers
// are stored encrypted and never reach a page unmasked except through the audited reveal.

/** Mainland resident ID: 17 digits and a check character (ISO 7064 MOD 11-2). */
export function isValidIdNumber(value: string): boolean {
  if (!/^\d{17}[\dX]$/.test(value)) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((s, w, i) => s + w * Number(value[i]), 0);
  return "10X98765432"[sum % 11] === value[17];
}

/** Bank card: 16–19 digits passing the Luhn check. */
export function isValidCardNumber(value: string): boolean {
  if (!/^\d{16,19}$/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < value.length; i++) {
    let d = Number(value[value.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/** Spaces and dashes people type between groups are dropped; a lower-case x becomes X. */
export function normaliseNumber(value: string): string {
  return value.replace(/[\s-]/g, "").toUpperCase();
}

/** 6222 **** **** 1234 */
export function maskCardNumber(card: string): string {
  const digits = normaliseNumber(card);
  if (digits.length < 8) return "*".repeat(digits.length);
  return `${digits.slice(0, 4)} **** **** ${digits.slice(-4)}`;
}
