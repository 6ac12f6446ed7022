// The case list's agent select carries every agent of the department (~600 on a large one). Remix's
// turbo-stream encodes each object as its own entry with one reference per field, which made the agents
// ~10 kB of the page's ~17 kB of loader data (gzipped); the same list as one JSON string of tuples is
// ~5.6 kB and one entry to encode and decode. Pure: packed by the loader, unpacked by the page.
export type AgentOption = { id: string; employeeNo: string; name: string; certification: string; cleared: boolean };

type Packed = Array<[string, string, string, string, 0 | 1]>;

export function packAgentOptions(agents: readonly AgentOption[]): string {
  const rows: Packed = agents.map((a) => [a.id, a.employeeNo, a.name, a.certification, a.cleared ? 1 : 0]);
  return JSON.stringify(rows);
}

export function unpackAgentOptions(packed: string): AgentOption[] {
  return (JSON.parse(packed) as Packed).map(([id, employeeNo, name, certification, cleared]) => ({
    id,
    employeeNo,
    name,
    certification,
    cleared: cleared === 1,
  }));
}
