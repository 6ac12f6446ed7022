// Pure: is this a state-changing request from another site? Browsers send Sec-Fetch-Site and Origin on
// every POST; a request with neither is not from a browser form and carries no ambient cookie risk
// only when it authenticates otherwise (API keys), so it is refused unless it does.
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export type OriginCheckInput = {
  method: string;
  origin: string | null | undefined;
  secFetchSite: string | null | undefined;
  expectedOrigin: string;
  hasBearerToken: boolean;
};

export function isForbiddenCrossOriginWrite(input: OriginCheckInput): boolean {
  if (SAFE_METHODS.has(input.method.toUpperCase())) return false;
  if (input.secFetchSite) {
    if (input.secFetchSite !== "same-origin" && input.secFetchSite !== "none") return true;
  }
  if (input.origin && input.origin !== "null") return input.origin !== input.expectedOrigin;
  if (input.origin === "null") return true;
  if (input.secFetchSite) return false;
  return !input.hasBearerToken;
}
