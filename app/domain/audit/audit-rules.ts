// Pure: what the audit page shows of an entry in words — a case number masked, the summary as
// "key: value" lines for the keys the page can name, the rest kept for a JSON fallback.

/** A case number with its middle hidden: enough to recognise it, not to copy it (JN26****0001). */
export function maskCaseNo(caseNo: string): string {
  if (caseNo.length <= 6)
    return `${caseNo.slice(0, 1)}${"*".repeat(Math.max(caseNo.length - 2, 1))}${caseNo.slice(-1)}`;
  return `${caseNo.slice(0, 4)}****${caseNo.slice(-4)}`;
}

/** A summary value as one line of text; null when it is not plain enough (objects, nested arrays). */
export function plainValue(value: unknown): string | null {
  if (value === null || value === undefined) return "—";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value) && value.every((v) => ["string", "number", "boolean"].includes(typeof v)))
    return value.length === 0 ? "—" : value.join("、");
  return null;
}

// Summary keys whose values are case numbers: shown masked, as the entity label is.
const CASE_NUMBER_KEYS = new Set(["caseNo", "caseNos"]);
const masked = (key: string, value: unknown) =>
  !CASE_NUMBER_KEYS.has(key)
    ? value
    : typeof value === "string"
      ? maskCaseNo(value)
      : Array.isArray(value)
        ? value.map((v) => (typeof v === "string" ? maskCaseNo(v) : v))
        : value;

export type SummaryView = { lines: Array<{ key: string; value: string }>; rest: Record<string, unknown> | null };

/** The summary's known keys with plain values as lines; everything else (or a summary that is not an
 * object) is left in `rest`, for the page to show as JSON behind a disclosure. */
export function summaryView(summary: unknown, isKnown: (key: string) => boolean): SummaryView {
  if (summary === null || summary === undefined) return { lines: [], rest: null };
  if (typeof summary !== "object" || Array.isArray(summary)) return { lines: [], rest: { value: summary } };
  const lines: SummaryView["lines"] = [];
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(summary)) {
    const text = isKnown(key) ? plainValue(masked(key, value)) : null;
    if (text === null) rest[key] = value;
    else lines.push({ key, value: text });
  }
  return { lines, rest: Object.keys(rest).length ? rest : null };
}

/** The audit log's keyset cursor: an entry's id (ids follow the order entries were written). */
export function encodeAuditCursor(entry: { id: bigint }): string {
  return entry.id.toString();
}

export function decodeAuditCursor(value: string | undefined): bigint | null {
  if (!value || !/^\d{1,19}$/.test(value)) return null;
  const id = BigInt(value);
  return id > 9_223_372_036_854_775_807n ? null : id;
}
