import { describe, expect, it } from "vitest";

import { packAgentOptions, unpackAgentOptions, type AgentOption } from "./agent-options";

describe("the agent options of the case list", () => {
  it("unpack to exactly what was packed, in order, whatever the names hold", () => {
    const agents: AgentOption[] = [
      { id: "p1", employeeNo: "C0101", name: "王伟", certification: "never", cleared: false },
      { id: "p2", employeeNo: "C0102", name: 'Anne "A" O\'Neil\t\n,[]', certification: "certified", cleared: true },
      { id: "p3", employeeNo: "C0103", name: "", certification: "grace", cleared: true },
    ];
    expect(unpackAgentOptions(packAgentOptions(agents))).toEqual(agents);
  });

  it("an empty list stays empty", () => {
    expect(unpackAgentOptions(packAgentOptions([]))).toEqual([]);
  });

  it("is smaller than the objects it replaces", () => {
    const agents = Array.from({ length: 600 }, (_, i) => ({
      id: `bkpp${String(i).padStart(7, "0")}`,
      employeeNo: `B${String(i).padStart(5, "0")}`,
      name: "王伟",
      certification: "certified",
      cleared: true,
    }));
    expect(packAgentOptions(agents).length).toBeLessThan(JSON.stringify(agents).length * 0.6);
  });
});
