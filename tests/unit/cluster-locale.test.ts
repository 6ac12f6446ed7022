// A new PostgreSQL cluster (the app's embedded one, the tests') sorts text in byte order (collation C) and,
// where the system has it, classifies characters as UTF-8 (ctype C.UTF-8) so pg_trgm makes trigrams of Chinese.
import { expect, test } from "vitest";

import { initdbLocaleFlags } from "../../server/postgres-rules";

test("glibc's spelling C.utf8 gives ctype C.UTF-8 with collation C", () => {
  expect(initdbLocaleFlags(["C", "C.utf8", "POSIX"])).toEqual(["--encoding=UTF8", "--locale=C", "--lc-ctype=C.UTF-8"]);
});

test("the spelling C.UTF-8 is found too", () => {
  expect(initdbLocaleFlags(["C.UTF-8", "en_US.UTF-8"])).toEqual([
    "--encoding=UTF8",
    "--locale=C",
    "--lc-ctype=C.UTF-8",
  ]);
});

test("without a UTF-8 C locale (or no list at all) the cluster is plain C, still UTF-8 encoded", () => {
  expect(initdbLocaleFlags(["C", "POSIX", "en_US.utf8"])).toEqual(["--encoding=UTF8", "--locale=C"]);
  expect(initdbLocaleFlags([])).toEqual(["--encoding=UTF8", "--locale=C"]);
});
