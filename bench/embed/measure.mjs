// Loads the demo chamber page (/demo) in headless Debian Chromium and reads Chromium's own network log (CDP Network
// events) for what the embedded login costs a visitor: requests and bytes on the wire (headers and compressed bodies,
// as Chromium counts them in encodedDataLength) of the iframe, and WebSockets opened by the whole page. Once with an
// empty cache (first visit), once more in the same profile (repeat visit). Prints JSON.
import { chromium } from "playwright-core";

const base = process.argv[2] ?? "http://localhost:5095";
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});
const context = await browser.newContext();
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send("Page.enable");
await cdp.send("Network.enable");

let log;
const reset = () => { log = { requests: new Map(), webSockets: 0 }; };
cdp.on("Network.requestWillBeSent", (e) => log.requests.set(e.requestId, { url: e.request.url, frameId: e.frameId, bytes: 0, cached: false }));
cdp.on("Network.requestServedFromCache", (e) => { const r = log.requests.get(e.requestId); if (r) r.cached = true; });
cdp.on("Network.responseReceived", (e) => {
  const r = log.requests.get(e.requestId);
  if (r) {
    r.status = e.response.status;
    r.cached ||= Boolean(e.response.fromDiskCache || e.response.fromPrefetchCache || e.response.fromServiceWorker);
  }
});
cdp.on("Network.loadingFinished", (e) => { const r = log.requests.get(e.requestId); if (r) r.bytes = e.encodedDataLength; });
cdp.on("Network.webSocketCreated", () => { log.webSockets++; });

async function visit(load) {
  reset();
  await load();
  const frame = page.frames().find((f) => f.parentFrame() && f.url().includes("/embed/login"));
  if (!frame) throw new Error("The demo page shows no login iframe.");
  await frame.getByRole("button").last().waitFor();
  await page.waitForLoadState("networkidle");
  const { frameTree } = await cdp.send("Page.getFrameTree");
  const inFrame = [...log.requests.values()].filter((r) => r.frameId !== frameTree.frame.id);
  const network = inFrame.filter((r) => !r.cached);
  return {
    requests: network.length,
    fromCache: inFrame.length - network.length,
    bytes: network.reduce((sum, r) => sum + r.bytes, 0),
    webSockets: log.webSockets,
    urls: network.map((r) => `${r.status} ${r.bytes} B ${new URL(r.url).pathname}`),
  };
}

const first = await visit(() => page.goto(`${base}/demo`));
const repeat = await visit(() => page.reload());
console.log(JSON.stringify({ first, repeat }, null, 2));
await browser.close();
