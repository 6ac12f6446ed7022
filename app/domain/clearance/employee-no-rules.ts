// What the clearance API accepts as an employee number (pure, tested in employee-no-rules.test.ts).
// Checked before anything else, so nothing a caller types reaches the snapshot, the call log or an answer
// unchecked. Normalised as sign-in does (login.server.ts): surrounding spaces dropped, upper case, so
// "c0102" and " C0102 " are the employee C0102.

/** The longest employee number (people.schema.ts: one letter or digit and up to 19 more). */
export const EMPLOYEE_NO_MAX = 20;
const EMPLOYEE_NO = /^[A-Z0-9][A-Z0-9-]{1,19}$/;
// Control characters (C0, DEL, C1), format characters (zero-width, bidi) and lone surrogates.
const CONTROL = /[\p{Cc}\p{Cf}\p{Cs}]/u;
const UNSTORABLE = /[\p{Cc}\p{Cf}\p{Cs}]/gu;
// Longer than this before decoding cannot decode to a valid number even with spaces around it.
const RAW_MAX = 3 * (EMPLOYEE_NO_MAX + 20);

export type EmployeeNoCheck = { ok: true; employeeNo: string } | { ok: false };

/** The path segment as sent (still percent-encoded) → the normalised employee number, or a refusal. */
export function parseEmployeeNoSegment(raw: string): EmployeeNoCheck {
  if (raw.length === 0 || raw.length > RAW_MAX) return { ok: false };
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return { ok: false }; // a malformed escape, or bytes that are not UTF-8
  }
  if (CONTROL.test(decoded)) return { ok: false };
  const employeeNo = decoded.trim().toUpperCase();
  if (employeeNo.length > EMPLOYEE_NO_MAX || !EMPLOYEE_NO.test(employeeNo)) return { ok: false };
  return { ok: true, employeeNo };
}

/** Any text made safe to store: control characters replaced, at most `max` characters. */
export function storableText(value: unknown, max: number): string {
  const text = typeof value === "string" ? value : String(value ?? "");
  if (text.length <= max && isPrintableAscii(text)) return text; // every checked employee number: no regex
  // Lone surrogates cannot be encoded as UTF-8 either; cutting may split a pair, hence twice.
  return text.replace(UNSTORABLE, "\uFFFD").slice(0, max).replace(UNSTORABLE, "\uFFFD");
}

/** Only printable ASCII (space to "~"): none of it is a control, format or surrogate character. */
function isPrintableAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) return false;
  }
  return true;
}
