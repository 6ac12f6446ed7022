import { expect, it } from "vitest";

import { safeFileName } from "./file-name";

it("keeps Chinese and spaces, and turns path and reserved characters into _", () => {
  expect(safeFileName("培训课程计划-话术 复训-第1版")).toBe("培训课程计划-话术 复训-第1版");
  expect(safeFileName('a/b\\c:d*e?f"g<h>i|j\tk')).toBe("a_b_c_d_e_f_g_h_i_j_k");
  expect(safeFileName("  ")).toBe("_");
  expect(safeFileName("😀".repeat(5), 3)).toBe("😀😀😀");
});
