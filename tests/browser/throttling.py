"""A slow network for Chromium, and the Largest Contentful Paint of a page opened on it (issue
15, "Slow networks"). One copy, used by tests/browser/public/test_slow_network.py and by
bench/slow_network.py.

    page = browser.new_context(base_url=...).new_page()   # a new context: nothing cached
    ...sign in here, at full speed, when the page needs it...
    slow = throttle(page)                                  # the 3G profile, no cache
    measured = slow.open("/nominate/")
    measured.lcp_ms, measured.transferred, measured.element

The profile is Chromium DevTools' own network emulation: every request waits the round trip
(400 ms) before its answer starts, and the answers share 400 kbit/s (50,000 bytes/s) down;
requests share 400 kbit/s up. The page's main thread runs 4 times slower (CPU throttling).
"""

from dataclasses import dataclass

LATENCY_MS = 400
DOWNLOAD_BYTES_PER_S = 400_000 // 8  # 400 kbit/s
UPLOAD_BYTES_PER_S = 400_000 // 8
CPU_SLOWDOWN = 4
LCP_TARGET_MS = 2500

# The last largest-contentful-paint entry once the page has loaded: Chromium stops reporting
# new ones at the first input, and none came. Two animation frames first, so that a paint due
# at the load event is reported; the buffered entries arrive in the observer's first callback.
LARGEST_CONTENTFUL_PAINT = """() => new Promise(resolve => {
  const report = entries => {
    const last = entries[entries.length - 1];
    resolve(last ? {
      ms: last.startTime,
      element: last.element
        ? last.element.tagName.toLowerCase() + (last.element.className
          ? "." + String(last.element.className).trim().split(/\\s+/).join(".") : "")
        : "",
      url: last.url,
      size: last.size,
    } : null);
  };
  requestAnimationFrame(() => requestAnimationFrame(() => {
    const observer = new PerformanceObserver(list => {
      observer.disconnect();
      report(list.getEntries());
    });
    observer.observe({type: "largest-contentful-paint", buffered: true});
    setTimeout(() => { observer.disconnect(); report(observer.takeRecords()); }, 1000);
  }));
})"""


@dataclass
class Measured:
    url: str
    status: int
    lcp_ms: int | None  # None: Chromium reported no contentful paint
    element: str  # the LCP element, e.g. "h1" or "img.logo"
    transferred: int  # bytes on the wire (headers and compressed bodies) until the load event


class SlowNetwork:
    """A page put on the slow network and CPU by throttle(); open() measures a page."""

    def __init__(self, page, session):
        self.page, self.session = page, session
        self.received = {}  # request id: bytes on the wire
        session.on("Network.loadingFinished", self._finished)

    def _finished(self, event):
        self.received[event["requestId"]] = event["encodedDataLength"]

    def open(self, url, timeout_ms=30_000):
        """Open `url`, wait for the load event and return its LCP and the bytes it took. The
        line is quiet first: nothing of the page before (lazy images, the icon) shares it."""
        self.page.wait_for_load_state("networkidle", timeout=timeout_ms)
        self.received.clear()
        response = self.page.goto(url, wait_until="load", timeout=timeout_ms)
        lcp = self.page.evaluate(LARGEST_CONTENTFUL_PAINT)
        return Measured(
            url=url,
            status=response.status if response else 0,
            lcp_ms=round(lcp["ms"]) if lcp else None,
            element=lcp["element"] if lcp else "",
            transferred=sum(self.received.values()),
        )


def throttle(
    page,
    latency_ms=LATENCY_MS,
    download=DOWNLOAD_BYTES_PER_S,
    upload=UPLOAD_BYTES_PER_S,
    cpu_slowdown=CPU_SLOWDOWN,
):
    """Put the page on the slow network and CPU, with the browser's HTTP cache emptied (what
    signing in fetched must not make the measured page look fast) and no longer used, so
    that opening a page a second time is as cold as the first."""
    session = page.context.new_cdp_session(page)
    session.send("Network.enable")
    session.send("Network.clearBrowserCache")
    session.send("Network.setCacheDisabled", {"cacheDisabled": True})  # each open() is cold
    session.send(
        "Network.emulateNetworkConditions",
        {
            "offline": False,
            "latency": latency_ms,
            "downloadThroughput": download,
            "uploadThroughput": upload,
        },
    )
    session.send("Emulation.setCPUThrottlingRate", {"rate": cpu_slowdown})
    return SlowNetwork(page, session)
