// The recorder keeps waiting clearance calls in reused columns: in order, every field as given, and at most `max`
// of them (the oldest make room).
import { describe, expect, it } from "vitest";

import { CallRecorder } from "./call-recorder";

const fill = (recorder: CallRecorder, from: number, to: number) => {
  let dropped = 0;
  for (let i = from; i < to; i++)
    dropped += recorder.add(1_767_225_600_000 + i, i % 3 === 0 ? null : `k${i}`, `C${i}`, 200 + i, i % 2 === 0);
  return dropped;
};
const expected = (from: number, to: number) => {
  const range = Array.from({ length: to - from }, (_, k) => from + k);
  return {
    at: range.map((i) => 1_767_225_600_000 + i),
    apiKeyId: range.map((i) => (i % 3 === 0 ? null : `k${i}`)),
    employeeNo: range.map((i) => `C${i}`),
    status: range.map((i) => 200 + i),
    cleared: range.map((i) => i % 2 === 0),
  };
};

describe("CallRecorder", () => {
  it("gives back every call in order, every field as given, growing past its first size", () => {
    const recorder = new CallRecorder(1_000, 4);
    expect(fill(recorder, 0, 37)).toBe(0);
    expect(recorder.length).toBe(37);
    expect(recorder.take()).toEqual(expected(0, 37));
    expect(recorder.length).toBe(0);
    expect(recorder.take()).toEqual(expected(0, 0));
  });

  it("at its limit, each new call takes the oldest one's place, and says so", () => {
    const recorder = new CallRecorder(8, 4);
    expect(fill(recorder, 0, 8)).toBe(0);
    expect(fill(recorder, 8, 19)).toBe(11);
    expect(recorder.length).toBe(8);
    expect(recorder.take()).toEqual(expected(11, 19));
  });

  it("is reused after a take, wrapped or not, without mixing in what was taken", () => {
    const recorder = new CallRecorder(8, 8);
    fill(recorder, 0, 13); // wrapped: starts at 5
    recorder.take();
    expect(fill(recorder, 100, 106)).toBe(0);
    expect(recorder.take()).toEqual(expected(100, 106));
    fill(recorder, 200, 203);
    expect(recorder.take()).toEqual(expected(200, 203));
  });
});
