// Attacks tried: stored script in a name (XSS), SQL in a search box, XML external entities and entity
// expansion ("billion laughs") in a Moodle XML question file and inside an .xlsx. Each held when first
// probed; these tests keep it so.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";

import { readPeopleFile } from "~/domain/people/people-file.server";
import { readMoodleXml } from "~/domain/quiz/moodle-xml";
import { loader as peopleList } from "~/routes/_app.people._index";
import { db } from "~/utils/db.server";

import { cookieFor, outcome, renderInLayout, requestAs, demoCompanyBeforeEachTest } from "../integration/support";

demoCompanyBeforeEachTest();

const SCRIPT_NAME = `<img src=x onerror=alert(1)><script>alert("x")</script>李四`;

describe("stored script (XSS)", () => {
  it("a name holding HTML is shown as text on the people page, never as markup", async () => {
    await db.person.update({ where: { employeeNo: "C0101" }, data: { name: SCRIPT_NAME } });
    const page = await renderInLayout(await cookieFor("T0001"), "/people?q=C0101", "_app.people._index");
    expect(page.status).toBe(200);
    expect(page.html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(page.html).not.toContain("<img src=x");
    expect(page.html).not.toContain('<script>alert("x")');
  });
});

describe("SQL in a search box", () => {
  type ListBody = { total: number; people: Array<{ employeeNo: string }> };
  const search = async (q: string) =>
    (
      await outcome(async () =>
        peopleList({
          request: requestAs(await cookieFor("T0001"), `/people?q=${encodeURIComponent(q)}`),
          params: {},
          context: { cspNonce: "" },
        }),
      )
    ).body as ListBody;

  it("is a string to look for, not SQL: no rows, no error, and the table is still there", async () => {
    const before = await db.person.count();
    expect((await search(`' OR '1'='1`)).total).toBe(0);
    expect((await search(`x'; DROP TABLE "Person"; --`)).total).toBe(0);
    expect(await db.person.count()).toBe(before);
  });
});

const TRUE_FALSE = (text: string) =>
  `<question type="truefalse"><name><text>n</text></name>` +
  `<questiontext format="html"><text>${text}</text></questiontext>` +
  `<answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer></question>`;

describe("XML entities in a Moodle XML question file", () => {
  it("an external entity is never fetched: the file is refused as unreadable", () => {
    const xml =
      `<?xml version="1.0"?><!DOCTYPE quiz [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>` +
      `<quiz>${TRUE_FALSE("A &xxe; B")}</quiz>`;
    const read = readMoodleXml(xml);
    expect(JSON.stringify(read)).not.toMatch(/root:/);
    expect(read.ok).toBe(false);
  });

  it("nested entities are not expanded (a billion laughs stays a few bytes)", () => {
    const level = (i: number) => `&lol${i};`.repeat(10);
    let doctype = `<!ENTITY lol0 "lol">`;
    for (let i = 1; i <= 9; i++) doctype += `<!ENTITY lol${i} "${level(i - 1)}">`;
    const read = readMoodleXml(`<?xml version="1.0"?><!DOCTYPE quiz [${doctype}]><quiz>${TRUE_FALSE("&lol9;")}</quiz>`);
    expect(JSON.stringify(read).length).toBeLessThan(10_000);
  });
});

describe("XML entities inside an .xlsx", () => {
  it("an external entity in the shared strings does not bring a server file into the rows", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("人员").addRows([
      ["工号", "姓名"],
      ["C0999", "王五"],
    ]);
    const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
    const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    // The name cell becomes an inline string holding the entity.
    const poisoned = sheet
      .replace(/^(<\?xml[^>]*\?>)/, `$1<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>`)
      .replace(/<c r="B2"[^>]*>.*?<\/c>/, `<c r="B2" t="inlineStr"><is><t>&xxe;</t></is></c>`);
    expect(poisoned).toContain("<!DOCTYPE x");
    expect(poisoned).toContain("<t>&xxe;</t>");
    zip.file("xl/worksheets/sheet1.xml", poisoned);
    const bytes = new Uint8Array(await zip.generateAsync({ type: "uint8array" }));
    const read = await readPeopleFile({ name: "people.xlsx", bytes });
    expect(JSON.stringify(read)).not.toMatch(/root:/);
  });
});
