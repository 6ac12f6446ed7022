import { chromium } from "playwright-core";
const [, , url, out, w = "1280", h = "800", user] = process.argv;
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});
const page = await browser.newPage({ viewport: { width: Number(w), height: Number(h) } });
page.on("console", (m) => {
  if (m.type() === "error") console.log("console error:", m.text());
});
if (user) {
  await page.goto(new URL("/login", url).href);
  await page.fill("input[name=employeeNo]", user);
  await page.fill("input[name=password]", "TrainGate-demo-2026");
  await Promise.all([
    page.waitForURL((u) => !u.pathname.startsWith("/login")),
    page.press("input[name=password]", "Enter"),
  ]);
}
await page.goto(url);
await page.waitForLoadState("networkidle");
await page.screenshot({ path: out, fullPage: true });
console.log("title", await page.title(), page.url());
await browser.close();
