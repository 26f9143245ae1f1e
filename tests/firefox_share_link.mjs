// Opens comparator share links in Firefox ESR, driven by npm puppeteer-core over WebDriver BiDi.
//   node tests/firefox_share_link.mjs FIREFOX URL...
// Prints {"results": [[{...data-* of each summary row}], ...] in the order of the URLs, "links": the
// share link each page offers, "offsite": requests to another host, "errors": console errors and
// uncaught errors}. Every host but 127.0.0.1 goes to a proxy that does not exist, so nothing can
// leave the machine.
import puppeteer from "puppeteer-core";

const [firefox, ...urls] = process.argv.slice(2);
const nowhere = { host: "127.0.0.1", port: 9 }; // the discard port: nothing listens there
const browser = await puppeteer.launch({
  browser: "firefox",
  executablePath: firefox,
  headless: true,
  extraPrefsFirefox: {
    "network.proxy.type": 1,
    "network.proxy.http": nowhere.host,
    "network.proxy.http_port": nowhere.port,
    "network.proxy.ssl": nowhere.host,
    "network.proxy.ssl_port": nowhere.port,
    "network.proxy.no_proxies_on": "127.0.0.1",
    "network.proxy.allow_hijacking_localhost": false,
  },
});
const report = { results: [], links: [], offsite: [], errors: [] };
try {
  const page = await browser.newPage();
  page.on("request", (request) => {
    const url = request.url();
    if (!/^(data|blob):/.test(url) && new URL(url).hostname !== "127.0.0.1") report.offsite.push(url);
  });
  page.on("console", (message) => message.type() === "error" && report.errors.push(message.text()));
  page.on("pageerror", (error) => report.errors.push(String(error)));
  for (const url of urls) {
    await page.goto("about:blank");
    await page.goto(url);
    await page.waitForSelector('[data-comparator-results][data-state="ready"]', { timeout: 60000 });
    report.results.push(await page.$$eval("[data-av]", (rows) => rows.map((row) => ({ ...row.dataset }))));
    report.links.push(await page.$eval(".cmp-share-link", (input) => input.value));
  }
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(report));
