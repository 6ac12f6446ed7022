import { describe, expect, it } from "vitest";

import { agentQuery, agentSearchWords, pickAgent } from "./agent-options";

const staff = [
  { id: "p1", employeeNo: "C0101", name: "王伟" },
  { id: "p2", employeeNo: "C0102", name: "李娜" },
  { id: "p3", employeeNo: "C0103", name: "王伟" },
  { id: "p4", employeeNo: "C0104", name: "Anne O'Neil" },
  { id: "p5", employeeNo: "C0105", name: "张敏" },
];

describe("who the head means by the text in the assign field", () => {
  it("a suggestion's text, the number alone (any case, any spacing) or the name after it picks that person", () => {
    expect(pickAgent("C0102 李娜", staff)).toEqual({ ok: true, id: "p2" });
    expect(pickAgent("  c0102 ", staff)).toEqual({ ok: true, id: "p2" });
    expect(pickAgent("李娜   C0102", staff)).toEqual({ ok: true, id: "p2" });
    expect(pickAgent("C0104 Anne O'Neil", staff)).toEqual({ ok: true, id: "p4" });
  });

  it("a name held by one person picks them; held by several, it asks for the number", () => {
    expect(pickAgent("张敏", staff)).toEqual({ ok: true, id: "p5" });
    expect(pickAgent("王伟", staff)).toEqual({ ok: false, reason: "ambiguous", count: 2 });
    expect(pickAgent("C0103 王伟", staff)).toEqual({ ok: true, id: "p3" });
  });

  it("a number beside another person's name is a slip, not a choice", () => {
    expect(pickAgent("C0102 张敏", staff)).toEqual({ ok: false, reason: "none" });
  });

  it("nobody, or nothing typed, picks no one", () => {
    expect(pickAgent("C9999", staff)).toEqual({ ok: false, reason: "none" });
    expect(pickAgent("王", staff)).toEqual({ ok: false, reason: "none" });
    expect(pickAgent("   ", staff)).toEqual({ ok: false, reason: "none" });
    expect(pickAgent("C0102", [])).toEqual({ ok: false, reason: "none" });
  });

  it("asks the database for every person the text could name", () => {
    expect(agentQuery(" c0102  李娜 ")).toEqual({
      employeeNos: ["C0102", "李娜"],
      names: ["c0102 李娜", "李娜", "c0102"],
    });
    expect(agentQuery("张敏")).toEqual({ employeeNos: ["张敏"], names: ["张敏"] });
    expect(agentQuery("")).toEqual({ employeeNos: [], names: [] });
    // Whatever the text, the candidates asked for include whoever pickAgent would pick.
    for (const text of ["C0102 李娜", "李娜 C0102", "c0104 Anne O'Neil", "张敏", "C0103 王伟"]) {
      const { employeeNos, names } = agentQuery(text);
      const asked = staff.filter((p) => employeeNos.includes(p.employeeNo) || names.includes(p.name));
      expect(pickAgent(text, asked)).toEqual(pickAgent(text, staff));
    }
  });

  it("a suggestion search reads at most four words", () => {
    expect(agentSearchWords("  C01  王 ")).toEqual(["C01", "王"]);
    expect(agentSearchWords("a b c d e f")).toEqual(["a", "b", "c", "d"]);
    expect(agentSearchWords("")).toEqual([]);
  });
});
