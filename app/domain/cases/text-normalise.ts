// Pure: text as people type it, made comparable before the call-script checks read it. Full-width
// characters become ASCII (NFKC), separators inside numbers go ("138.0013.8000", "138  0013 8000",
// "(021) 6888-1234"), the country code goes (+86, 0086), and for word checks every space and
// punctuation mark goes, so "老 赖" and "老-赖" read as "老赖".

/** NFKC: full-width digits, letters and spaces (U+3000) become their ASCII forms. */
export function toHalfWidth(text: string): string {
  return text.normalize("NFKC");
}

/** Letters and digits only, lower case: what a word check compares. */
export function compactForWords(text: string): string {
  return toHalfWidth(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "");
}

// Up to three separators between two digits join them: spaces, dots, dashes, slashes, parentheses.
const SEPARATOR_IN_NUMBER = /(?<=\d)[\s.\-‐‑‒–—―·_/()]{1,3}(?=[\dXx])/g;
// "+86 138…" and "0086 21 …": the country code goes; a landline gets back its trunk 0.
const COUNTRY_CODE = /(?:\+|(?<!\d)00)86(\d{9,12})(?!\d)/g;
const withTrunk = (rest: string) => (rest.startsWith("1") || rest.startsWith("0") ? rest : `0${rest}`);

/** Full-width to ASCII, separators inside numbers removed, the country code dropped. */
export function normaliseNumbers(text: string): string {
  const half = toHalfWidth(text);
  let joined = half;
  // Twice: one pass leaves every other separator of "1 3 8 …" between digits it consumed.
  for (let i = 0; i < 2; i++) joined = joined.replace(SEPARATOR_IN_NUMBER, "");
  // "(021)68881234": the opening parenthesis before an area code.
  joined = joined.replace(/\((?=0\d{2,3}\d{7,8}(?!\d))/g, "");
  return joined.replace(COUNTRY_CODE, (_, rest: string) => withTrunk(rest));
}

export type NumberKind = "mobile" | "landline" | "idNumber" | "cardNumber";
export type FoundNumber = { kind: NumberKind; digits: string };

const ID_NUMBER_18 = /^\d{6}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dX]$/;

/** What a run of digits is: a phone (mobile, or landline with its area code), an ID or a card number. */
export function classifyDigits(run: string): NumberKind | null {
  const digits = run.toUpperCase();
  if (/^\d{17}[\dX]$/.test(digits) && (ID_NUMBER_18.test(digits) || digits.endsWith("X"))) return "idNumber";
  if (/^\d{15}$/.test(digits)) return "idNumber";
  if (/^\d{16,19}$/.test(digits)) return "cardNumber";
  if (/^1[3-9]\d{9}$/.test(digits)) return "mobile";
  if (/^0[1-9]\d{8,10}$/.test(digits)) return "landline";
  // "8613800138000": a mobile with the country code but without the plus.
  if (/^861[3-9]\d{9}$/.test(digits)) return "mobile";
  return null;
}

/** Every full phone, ID or card number in a text, however it is typed. */
export function numbersIn(text: string): FoundNumber[] {
  const found: FoundNumber[] = [];
  for (const m of normaliseNumbers(text).matchAll(/(?<![\dXx])\d+[Xx]?(?![\dXx])/g)) {
    const kind = classifyDigits(m[0]);
    if (kind) found.push({ kind, digits: m[0].toUpperCase() });
  }
  return found;
}

/**
 * The one spelling of a phone number B8 counts by: "+86 21 6888 1234", "021-6888-1234",
 * "０２１６８８８１２３４" and "02168881234" are all "02168881234". Null when it is not a phone
 * (an ID or card number, a local number without its area code, words).
 */
export function phoneKey(typed: string | null | undefined): string | null {
  const half = toHalfWidth(typed ?? "").trim();
  if (!half || /[^\d\s.\-‐‑‒–—―·_/()+]/.test(half)) return null;
  const hasCountryCode = /^(?:\+|00)\s*86/.test(half);
  let digits = half.replace(/\D/g, "");
  if (hasCountryCode) {
    digits = digits.replace(/^(?:00)?86/, "");
    // Abroad, a landline is dialled without its trunk 0: +86 21 … is 021 ….
    digits = withTrunk(digits);
  }
  if (/^861[3-9]\d{9}$/.test(digits)) digits = digits.slice(2);
  const kind = classifyDigits(digits);
  return kind === "mobile" || kind === "landline" ? digits : null;
}
