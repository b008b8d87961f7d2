"""A small headless-Chromium driver for the page checks: the Chrome DevTools Protocol over a
websocket (``websocket-client``), no Selenium and no driver binary.

``check_pages(pages, screenshots)`` opens each HTML file from the file system in one fresh
browser profile and returns, per page, what a reader's browser saw: console errors and uncaught
exceptions, every request to anything but ``file:`` and ``data:`` URLs, the images without real
alt text, whether the overview's key-figures table is there, and the path of a screenshot.
"""

from __future__ import annotations

import base64
import json
import shutil
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
         "--window-size=1200,900", "--remote-debugging-port=0",
         "--host-resolver-rules=MAP * ~NOTFOUND"]   # a page that reaches for the network reaches nothing
# nbconvert's stand-in when an image has none: present, but no description
PLACEHOLDER_ALT = "No description has been provided for this image"

_PAGE_FACTS = """(() => {
  const images = [...document.images];
  const noAlt = images.filter(i => !(i.getAttribute('alt') || '').trim()
                                   || i.getAttribute('alt') === %s).map(i => (i.src || '').slice(0, 60));
  const keyTable = [...document.querySelectorAll('table')].some(t => {
    const heads = [...t.querySelectorAll('th')].map(th => th.textContent.trim());
    return heads[0] === 'Figure' && heads[1] === 'Value' && t.querySelectorAll('tr').length > 1;
  });
  return {title: document.title, images: images.length, noAlt: noAlt, keyFiguresTable: keyTable,
          broken: images.filter(i => !i.complete || i.naturalWidth === 0).length,
          height: Math.max(document.body.scrollHeight, 600)};
})()""" % json.dumps(PLACEHOLDER_ALT)


def find_chromium() -> str | None:
    """The path of a Chromium (or Chrome) binary on PATH, or None."""
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


class _Session:
    """One page target, spoken to over its DevTools websocket; events are kept as they arrive."""

    def __init__(self, ws_url: str):
        import websocket

        self.ws = websocket.create_connection(ws_url, timeout=30, suppress_origin=True)
        self.next_id = 0
        self.events: list[dict] = []

    def call(self, method: str, **params) -> dict:
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            if "method" in message:
                self.events.append(message)

    def wait_for(self, method: str, timeout: float = 30) -> dict:
        deadline = time.monotonic() + timeout
        for i, event in enumerate(self.events):
            if event["method"] == method:
                return self.events.pop(i)
        while time.monotonic() < deadline:
            message = json.loads(self.ws.recv())
            if message.get("method") == method:
                return message
            if "method" in message:
                self.events.append(message)
        raise TimeoutError(f"no {method} within {timeout} s")

    def close(self):
        self.ws.close()


def _start(binary: str, profile: Path) -> tuple[subprocess.Popen, int]:
    process = subprocess.Popen([binary, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    port_file = profile / "DevToolsActivePort"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if port_file.exists() and port_file.read_text().strip():
            return process, int(port_file.read_text().split()[0])
        if process.poll() is not None:
            raise RuntimeError(f"{binary} exited with code {process.returncode} before it listened")
        time.sleep(0.1)
    process.kill()
    raise TimeoutError(f"{binary} wrote no DevToolsActivePort within 30 s")


def _page_target(port: int) -> str:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=5) as response:
            pages = [t for t in json.load(response) if t.get("type") == "page"]
        if pages:
            return pages[0]["webSocketDebuggerUrl"]
        time.sleep(0.1)
    raise TimeoutError("Chromium opened no page")


def _problems(events: list[dict]) -> tuple[list[str], list[str]]:
    errors, requests = [], []
    for event in events:
        method, params = event["method"], event.get("params", {})
        if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            errors.append(" ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", [])))
        elif method == "Runtime.exceptionThrown":
            details = params.get("exceptionDetails", {})
            errors.append(details.get("exception", {}).get("description") or details.get("text", "exception"))
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
            errors.append(params["entry"].get("text", ""))
        elif method == "Network.requestWillBeSent":
            url = params.get("request", {}).get("url", "")
            if not url.startswith(("file:", "data:", "about:")):
                requests.append(url)
    return errors, requests


def check_pages(pages: list[Path], screenshots: Path, binary: str | None = None) -> dict[str, dict]:
    """Open each page in headless Chromium (one fresh profile, removed afterwards) and return
    ``{page name: {"title", "images", "no_alt", "key_figures_table", "broken_images",
    "console_errors", "network_requests", "screenshot"}}``."""
    binary = binary or find_chromium()
    if binary is None:
        raise FileNotFoundError("no Chromium on PATH (apt-get install chromium)")
    screenshots = Path(screenshots)
    screenshots.mkdir(parents=True, exist_ok=True)
    profile = Path(tempfile.mkdtemp(prefix="frontline-chromium-"))
    process, port = _start(binary, profile)
    results = {}
    try:
        session = _Session(_page_target(port))
        for domain in ("Page", "Runtime", "Log", "Network"):
            session.call(f"{domain}.enable")
        for page in pages:
            session.events.clear()
            session.call("Page.navigate", url=Path(page).resolve().as_uri())
            session.wait_for("Page.loadEventFired")
            facts = session.call("Runtime.evaluate", expression=_PAGE_FACTS, returnByValue=True)["result"]["value"]
            height = min(int(facts["height"]), 8000)
            session.call("Emulation.setDeviceMetricsOverride", width=1200, height=height, deviceScaleFactor=1,
                         mobile=False)
            shot = session.call("Page.captureScreenshot", format="png")
            session.call("Emulation.clearDeviceMetricsOverride")
            path = screenshots / f"{Path(page).stem}.png"
            path.write_bytes(base64.b64decode(shot["data"]))
            errors, requests = _problems(session.events)
            results[Path(page).name] = {
                "title": facts["title"], "images": facts["images"], "no_alt": facts["noAlt"],
                "key_figures_table": facts["keyFiguresTable"], "broken_images": facts["broken"],
                "console_errors": errors, "network_requests": requests, "screenshot": path,
            }
        session.close()
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        shutil.rmtree(profile, ignore_errors=True)
    return results
