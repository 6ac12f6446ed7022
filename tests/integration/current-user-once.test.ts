// One page's root, layout and page loaders each get their own copy of the Request from Remix: the session is
// still looked up once per HTTP request (a GET with the same cookie), and never shared across requests,
// cookies or methods that may change the session.
import { expect, it } from "vitest";

import { getCurrentUser } from "~/utils/auth.server";
import { runWithRequest } from "~/utils/logger.server";

import { cookieFor, demoCompanyBeforeEachTest, requestAs } from "./support";

demoCompanyBeforeEachTest();

it("looks the user up once per request, for GETs with one cookie only", async () => {
  const [agent, head] = await Promise.all([cookieFor("C0101"), cookieFor("D0101")]);
  await runWithRequest({ requestId: "one-page" }, async () => {
    const first = getCurrentUser(requestAs(agent, "/home"));
    expect(getCurrentUser(requestAs(agent, "/home?_routes=root"))).toBe(first);
    expect((await first)?.employeeNo).toBe("C0101");
    // Another cookie in the same request (it cannot happen from a browser) is looked up on its own.
    const other = getCurrentUser(requestAs(head, "/home"));
    expect(other).not.toBe(first);
    expect((await other)?.employeeNo).toBe("D0101");
    // An action may end or start the session before the loaders run: never shared.
    const posted = getCurrentUser(requestAs(agent, "/home", { method: "POST" }));
    expect(posted).not.toBe(getCurrentUser(requestAs(agent, "/home", { method: "POST" })));
    await posted;
  });
  const elsewhere = await runWithRequest({ requestId: "another-page" }, async () => {
    const a = getCurrentUser(requestAs(agent, "/home"));
    return { a, b: getCurrentUser(requestAs(agent, "/home")) };
  });
  expect(elsewhere.a).toBe(elsewhere.b);
  // Outside a request's context each Request is its own lookup.
  const apart = [getCurrentUser(requestAs(agent, "/home")), getCurrentUser(requestAs(agent, "/home"))];
  expect(apart[0]).not.toBe(apart[1]);
  await Promise.all([elsewhere.a, ...apart]);
});
