import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { expect, it } from "vitest";

const routes = path.resolve(__dirname, "../../app/routes");

// Without its own boundary a page's error would still keep the navigation (the layout's boundary
// draws it), but the page's own says which page failed and stays the one place to customise.
it("every page under the signed-in layout exports an ErrorBoundary", () => {
  const pages = readdirSync(routes).filter((file) => file.startsWith("_app.") && file.endsWith(".tsx"));
  const missing = pages.filter((file) => {
    const code = readFileSync(path.join(routes, file), "utf8");
    return (
      /^export default /m.test(code) &&
      !/^export (\{[^}]*\bErrorBoundary\b[^}]*\}|function ErrorBoundary\b|const ErrorBoundary\b)/m.test(code)
    );
  });
  expect(pages.length).toBeGreaterThan(30);
  expect(missing).toEqual([]);
});
