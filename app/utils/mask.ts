// Personal numbers are shown masked everywhere; the full value never reaches a page or a log.
export function maskPhone(phone: string | null | undefined): string {
  if (!phone) return "";
  const digits = phone.replace(/\s+/g, "");
  if (digits.length < 7) return "*".repeat(digits.length);
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

export function maskIdNumber(id: string | null | undefined): string {
  if (!id) return "";
  if (id.length <= 8) return "*".repeat(id.length);
  return `${id.slice(0, 4)}${"*".repeat(id.length - 8)}${id.slice(-4)}`;
}

export function maskEmail(email: string | null | undefined): string {
  if (!email) return "";
  const [local, domain] = email.split("@");
  if (!domain) return "***";
  return `${local.slice(0, 1)}***@${domain}`;
}

// Ten or more digits, full-width or not, however spaced or dotted: a phone, ID or card number.
const D = "\\d０-９";
const SEP = "\\s.\\-()·_/．－（）";
const NUMBER_IN_TEXT = new RegExp(`[+＋]?[${D}](?:[${SEP}]{0,3}[${D}]){9,}(?:[${SEP}]?[XxＸｘ])?`, "g");

/** Free text as a page may show it: every full number in it masked, however it was typed. */
export function maskNumbersInText(text: string | null | undefined): string {
  if (!text) return "";
  return text.replace(NUMBER_IN_TEXT, (m) => {
    const digits = m.normalize("NFKC").replace(/[^\dXx]/g, "");
    return `${digits.slice(0, 3)}${"*".repeat(Math.max(4, digits.length - 7))}${digits.slice(-4)}`;
  });
}
