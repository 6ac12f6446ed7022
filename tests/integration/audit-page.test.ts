// The audit page says what each entry is about in words: the kind of thing, its name (a person's name
// and employee number, a key's name, a masked case number), and the summary as labelled lines.
import { expect, it } from "vitest";

import { assignCases } from "~/domain/cases/assign-cases.server";
import { createApiKey } from "~/domain/clearance/api-keys.server";
import { writeAudit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";

import { cookieFor, personId, renderInLayout, demoCompanyBeforeEachTest } from "./support";

demoCompanyBeforeEachTest();

it("names the entity and writes the summary as lines, JSON only folded away for what it cannot name", async () => {
  const admin = { id: await personId("A0001"), employeeNo: "A0001" };
  const { id: keyId } = await createApiKey(admin, "外呼系统");
  const kase = await db.collectionCase.findFirstOrThrow({
    where: { department: { code: "COL1" }, assignedToId: null },
    select: { id: true, caseNo: true },
  });
  const head = { id: await personId("D0101"), employeeNo: "D0101" };
  const assigned = await assignCases(head, null, [kase.id], "C0102");
  expect(assigned.ok).toBe(true);
  const person = await db.person.findUniqueOrThrow({
    where: { employeeNo: "C0105" },
    select: { id: true, name: true },
  });
  await db.$transaction((tx) =>
    writeAudit(tx, {
      actor: admin,
      action: "person.updated",
      entityType: "Person",
      entityId: person.id,
      summary: { employeeNo: "C0105", mystery: { nested: "值" } },
    }),
  );

  const page = await renderInLayout(await cookieFor("A0001"), "/audit", "_app.audit");
  expect(page.status).toBe(200);
  const html = page.html;
  // The key, the case (masked) and the person, by name; none of their ids.
  expect(html).toMatch(/接口密钥<span[^>]*>外呼系统</);
  expect(html).toContain(`${kase.caseNo.slice(0, 4)}****${kase.caseNo.slice(-4)}`);
  expect(html).not.toContain(kase.caseNo);
  expect(html).toContain(`${person.name} C0105`);
  for (const id of [keyId, kase.id, person.id]) expect(html).not.toContain(id.slice(0, 14));
  // Known summary keys as "label: value" lines; the unknown one only inside a <details>.
  expect(html).toMatch(/名称：<\/dt><dd[^>]*>外呼系统<\/dd>/);
  expect(html).toMatch(/分配给：<\/dt><dd[^>]*>C0102<\/dd>/);
  expect(html).not.toMatch(/\{&quot;name&quot;:&quot;外呼系统/);
  expect(html).toMatch(/<details[^>]*><summary[^>]*>查看原始记录<\/summary><pre[^>]*>[^<]*mystery/);
});
