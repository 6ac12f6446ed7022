// Attack: an open redirect — a login link or language switch whose return path sends the person to
// another site after they sign in (/login?redirectTo=%2F%09%2Fevil.example%2Fphish).
import { describe, expect, it } from "vitest";

import { action as localeAction } from "~/routes/locale";
import { action as loginAction } from "~/routes/login";
import { requireUser } from "~/utils/auth.server";

import { DEMO_PASSWORD } from "../../prisma/seed/demo-accounts";
import { BASE, outcome, requestAs, demoCompanyBeforeEachTest } from "../integration/support";

// As the login page's hidden field carries them: the query string decoded once by the browser.
const ATTACKS = [
  "%2F%09%2Fevil.example%2Fphish",
  "%2F%2Fevil.example",
  "%2F%5Cevil.example",
  "%5C%2Fevil.example",
  "%09%2Fevil.example",
  "%2F%0A%2Fevil.example",
  "https%3A%2F%2Fevil.example",
  "javascript%3Aalert(1)",
  "%2Fa%2F..%2F%2Fevil.example",
].map((encoded) => new URLSearchParams(`redirectTo=${encoded}`).get("redirectTo") ?? "");

// Where a browser ends up when it follows the Location header from our site.
const landing = (location: string | null) => new URL(location ?? "", BASE);

demoCompanyBeforeEachTest();

describe("the return path after signing in", () => {
  it.each(ATTACKS)("%j stays on this site", async (redirectTo) => {
    const result = await outcome(() =>
      loginAction({
        request: requestAs(null, "/login", { form: { employeeNo: "C0111", password: DEMO_PASSWORD, redirectTo } }),
        params: {},
        context: { cspNonce: "", clientAddress: "192.0.2.50" },
      }),
    );
    expect(result.status).toBe(302);
    expect(landing(result.location).origin).toBe(BASE);
    expect(result.location).toBe("/home");
  });

  it("a path on this site, with its query, is kept", async () => {
    const result = await outcome(() =>
      loginAction({
        request: requestAs(null, "/login", {
          form: { employeeNo: "C0112", password: DEMO_PASSWORD, redirectTo: "/quiz?tab=open" },
        }),
        params: {},
        context: { cspNonce: "", clientAddress: "192.0.2.51" },
      }),
    );
    expect(result.location).toBe("/quiz?tab=open");
  });
});

describe("the other return paths taken from a request", () => {
  it.each(ATTACKS)("the language switch keeps %j on this site", async (redirectTo) => {
    const result = await outcome(() =>
      localeAction({
        request: requestAs(null, "/locale", { form: { locale: "en", redirectTo } }),
        params: {},
        context: { cspNonce: "" },
      }),
    );
    expect(result.status).toBe(302);
    expect(landing(result.location).origin).toBe(BASE);
  });

  it("a page asked for as //evil.example sends the signed-out visitor to a login link that stays here", async () => {
    const result = await outcome(() => requireUser(new Request(`${BASE}//evil.example/phish`)));
    expect(result.status).toBe(302);
    const redirectTo = new URL(result.location ?? "", BASE).searchParams.get("redirectTo") ?? "";
    expect(landing(redirectTo).origin).toBe(BASE);
  });
});
