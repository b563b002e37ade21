"""Open a view in headless Chromium and report what a person would see.

Used by the browser tests, the 2,000-node benchmark and the README screenshots.
It speaks the Chrome DevTools Protocol over ``--remote-debugging-pipe`` with the
standard library only: no selenium, playwright or websocket package, no driver
binary, and no browser download (Debian's ``/usr/bin/chromium`` is used).

It records every console error, uncaught exception, JavaScript dialog and
network request (anything but ``file:``, ``data:``, ``blob:``, ``about:``,
``chrome:`` and ``devtools:`` URLs counts as a network request).
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import shutil
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:", "chrome:", "devtools:", "chrome-error:")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-default-apps", "--disable-extensions", "--mute-audio", "--hide-scrollbars",
         "--disable-features=Translate,MediaRouter,OptimizationHints", "--remote-debugging-pipe")


def find_chromium() -> str | None:
    """Path of a Chromium binary: $CHROMIUM, else Debian's, else one on PATH."""
    for cand in (os.environ.get("CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"),
                 shutil.which("chromium-browser"), shutil.which("google-chrome")):
        if cand and Path(cand).exists():
            return cand
    return None


class BrowserError(RuntimeError):
    """Chromium could not be started or stopped answering."""


@dataclass
class PageReport:
    """What happened while a page was open."""

    console_errors: list[str] = field(default_factory=list)
    exceptions: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    @property
    def network_requests(self) -> list[str]:
        return [u for u in self.requests if not u.startswith(LOCAL_SCHEMES)]

    @property
    def problems(self) -> list[str]:
        return ([f"console error: {e}" for e in self.console_errors] + [f"exception: {e}" for e in self.exceptions]
                + [f"dialog: {d}" for d in self.dialogs] + [f"network request: {u}" for u in self.network_requests])


class Chromium:
    """One headless Chromium with one page, driven over the DevTools pipe.

    >>> with Chromium() as b:          # doctest: +SKIP
    ...     b.open(path); b.wait_for("window.ipView && window.ipView.ready")
    """

    def __init__(self, executable: str | None = None, width: int = 1400, height: int = 900) -> None:
        exe = executable or find_chromium()
        if not exe:
            raise BrowserError("no Chromium found: apt-get install chromium (or set $CHROMIUM)")
        self._profile = tempfile.mkdtemp(prefix="ip-chromium-")
        to_chrome_r, self._to_chrome_w = os.pipe()
        self._from_chrome_r, from_chrome_w = os.pipe()

        def child_fds() -> None:
            # Chromium reads commands on fd 3 and writes replies on fd 4. Copy both out of the
            # way first so that neither dup2 overwrites the other's source.
            r, w = os.dup(to_chrome_r), os.dup(from_chrome_w)
            os.dup2(r, 3)
            os.dup2(w, 4)

        self._proc = subprocess.Popen(
            [exe, *FLAGS, f"--user-data-dir={self._profile}", f"--window-size={width},{height}", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            pass_fds=(3, 4, to_chrome_r, from_chrome_w), preexec_fn=child_fds,
        )
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self._next_id = 0
        self._lock = threading.Lock()
        self._replies: dict[int, dict[str, Any]] = {}
        self._cond = threading.Condition(self._lock)
        self.report = PageReport()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self.width, self.height = width, height
        targets = self.send("Target.getTargets")["targetInfos"]
        page = next((t for t in targets if t["type"] == "page"), None)
        target_id = page["targetId"] if page else self.send("Target.createTarget", url="about:blank")["targetId"]
        self._session = self.send("Target.attachToTarget", targetId=target_id, flatten=True)["sessionId"]
        for domain in ("Page", "Runtime", "Network", "Log"):
            self.call(f"{domain}.enable")
        self.call("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1,
                  mobile=False)

    # ------------------------------------------------------------------ protocol

    def _read(self) -> None:
        buf = b""
        while True:
            try:
                chunk = os.read(self._from_chrome_r, 1 << 20)
            except OSError:
                chunk = b""
            if not chunk:
                with self._cond:
                    self._replies[-1] = {"error": {"message": "Chromium closed the pipe"}}
                    self._cond.notify_all()
                return
            buf += chunk
            while b"\0" in buf:
                raw, buf = buf.split(b"\0", 1)
                msg = json.loads(raw)
                if "id" in msg:
                    with self._cond:
                        self._replies[msg["id"]] = msg
                        self._cond.notify_all()
                else:
                    self._event(msg)

    def _event(self, msg: dict[str, Any]) -> None:
        method, p = msg.get("method"), msg.get("params", {})
        r = self.report
        if method == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
            r.console_errors.append(" ".join(str(a.get("value", a.get("description", ""))) for a in p.get("args", [])))
        elif method == "Runtime.exceptionThrown":
            d = p.get("exceptionDetails", {})
            r.exceptions.append(str(d.get("exception", {}).get("description") or d.get("text")))
        elif method == "Log.entryAdded" and p.get("entry", {}).get("level") == "error":
            e = p["entry"]
            r.console_errors.append(f"{e.get('source')}: {e.get('text')} {e.get('url', '')}".strip())
        elif method == "Page.javascriptDialogOpening":
            r.dialogs.append(f"{p.get('type')}: {p.get('message')}")
            threading.Thread(target=self._dismiss, daemon=True).start()
        elif method == "Network.requestWillBeSent":
            r.requests.append(p.get("request", {}).get("url", ""))

    def _dismiss(self) -> None:
        with contextlib.suppress(BrowserError):
            self.call("Page.handleJavaScriptDialog", accept=False)

    def send(self, method: str, session: str | None = None, timeout: float = 30.0, **params: Any) -> dict[str, Any]:
        """Send one command and wait for its reply."""
        with self._cond:
            self._next_id += 1
            mid = self._next_id
        msg: dict[str, Any] = {"id": mid, "method": method, "params": params}
        if session:
            msg["sessionId"] = session
        os.write(self._to_chrome_w, json.dumps(msg).encode() + b"\0")
        deadline = time.monotonic() + timeout
        with self._cond:
            while mid not in self._replies:
                if -1 in self._replies:
                    raise BrowserError(self._replies[-1]["error"]["message"])
                left = deadline - time.monotonic()
                if left <= 0:
                    raise BrowserError(f"{method}: no reply in {timeout}s")
                self._cond.wait(left)
            reply = self._replies.pop(mid)
        if "error" in reply:
            raise BrowserError(f"{method}: {reply['error'].get('message')}")
        return reply.get("result", {})

    def call(self, method: str, timeout: float = 30.0, **params: Any) -> dict[str, Any]:
        """A command to the page."""
        return self.send(method, session=self._session, timeout=timeout, **params)

    # ------------------------------------------------------------------ page helpers

    def open(self, path: str | Path) -> float:
        """Navigate to a local file; returns the monotonic time the navigation started."""
        self.report = PageReport()
        start = time.monotonic()
        self.call("Page.navigate", url=Path(path).resolve().as_uri())
        return start

    def eval(self, expression: str, timeout: float = 30.0) -> Any:
        """Value of a JavaScript expression (promises awaited)."""
        r = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True,
                      timeout=timeout)
        if "exceptionDetails" in r:
            raise BrowserError(f"{expression[:60]}…: {r['exceptionDetails'].get('text')}")
        return r.get("result", {}).get("value")

    def wait_for(self, expression: str, timeout: float = 30.0, poll: float = 0.02) -> float:
        """Poll until ``expression`` is truthy; returns the monotonic time it first was."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                if self.eval(f"Boolean({expression})", timeout=timeout):
                    return time.monotonic()
            except BrowserError:
                pass
            if time.monotonic() > deadline:
                raise BrowserError(f"timed out after {timeout}s waiting for {expression}")
            time.sleep(poll)

    def screenshot(self, path: str | Path) -> Path:
        """A PNG of the viewport."""
        data = self.call("Page.captureScreenshot", format="png")["data"]
        p = Path(path)
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(base64.b64decode(data))
        return p

    def mouse(self, kind: str, x: float, y: float, **extra: Any) -> None:
        """A real mouse event at viewport coordinates (mouseMoved, mousePressed, mouseReleased)."""
        self.call("Input.dispatchMouseEvent", type=kind, x=x, y=y, **extra)

    def close(self) -> None:
        with contextlib.suppress(BrowserError):
            self.send("Browser.close", timeout=5)
        try:
            self._proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait()
        for fd in (self._to_chrome_w, self._from_chrome_r):
            with contextlib.suppress(OSError):
                os.close(fd)
        shutil.rmtree(self._profile, ignore_errors=True)

    def __enter__(self) -> Chromium:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


#: JavaScript that says how the drawn network looks: node count, coloured canvas pixels and
#: pairs of visible node labels whose boxes overlap at the current zoom.
PROBE = r"""
(async () => {
  const net = window.network, v = window.ipView;
  // Label boxes are measured when drawn: draw once more at the current view first.
  await new Promise(resolve => { net.once('afterDrawing', resolve); net.redraw(); });
  const canvas = document.querySelector('#ip-network canvas');
  const ctx = canvas.getContext('2d');
  const img = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
  let coloured = 0;
  for (let i = 0; i < img.length; i += 16) {
    const r = img[i], g = img[i + 1], b = img[i + 2], a = img[i + 3];
    if (a > 0 && Math.max(r, g, b) - Math.min(r, g, b) > 60) coloured++;
  }
  const scale = net.getScale();
  const thresholdPx = 8;
  const ids = net.body.data.nodes.getIds();
  const boxes = [];
  for (const id of ids) {
    const node = net.body.nodes[id];
    if (!node || node.options.hidden) continue;
    if ((node.options.font.size || 14) * scale < thresholdPx) continue;
    const at = net.canvasToDOM({x: node.x, y: node.y});
    if (at.x < 0 || at.y < 0 || at.x > canvas.clientWidth || at.y > canvas.clientHeight) continue;
    const lb = node.labelModule && node.labelModule.size;
    if (!lb || !lb.width) continue;
    const tl = net.canvasToDOM({x: lb.left, y: lb.top});
    const br = net.canvasToDOM({x: lb.left + lb.width, y: lb.top + lb.height});
    if (br.x < 0 || br.y < 0 || tl.x > canvas.clientWidth || tl.y > canvas.clientHeight) continue;
    boxes.push([String(id), tl.x, tl.y, br.x, br.y]);
  }
  // Shapes too: a label must not cover another node.
  const all = boxes.map(b => b.concat(['label']));
  for (const id of ids) {
    const node = net.body.nodes[id];
    if (!node || node.options.hidden) continue;
    const s = node.options.size || 10;
    const tl = net.canvasToDOM({x: node.x - s, y: node.y - s});
    const br = net.canvasToDOM({x: node.x + s, y: node.y + s});
    all.push([String(id), tl.x, tl.y, br.x, br.y, 'shape']);
  }
  all.sort((a, b) => a[1] - b[1]);
  const overlaps = [];
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length && all[j][1] < all[i][3]; j++) {
      const a = all[i], b = all[j];
      if (a[0] === b[0] || (a[5] === 'shape' && b[5] === 'shape')) continue;
      if (a[1] < b[3] - 1 && b[1] < a[3] - 1 && a[2] < b[4] - 1 && b[2] < a[4] - 1) overlaps.push([a[0], b[0]]);
    }
  }
  return {nodes: net.body.data.nodes.length, edges: net.body.data.edges.length, coloured,
          scale, visibleLabels: boxes.length, overlaps: overlaps.slice(0, 20), nOverlaps: overlaps.length,
          readyMs: v.readyAt, createdMs: v.createdIn,
          text: document.body.innerText.slice(0, 20000)};
})()
"""


def inspect(path: str | Path, screenshot: str | Path | None = None, timeout: float = 60.0,
            browser: Chromium | None = None) -> dict[str, Any]:
    """Open a view, wait until it is drawn, and return PROBE's findings plus timings and problems."""
    own = browser is None
    b = browser or Chromium()
    try:
        start = b.open(path)
        ready = b.wait_for("window.ipView && window.ipView.ready", timeout=timeout)
        # Interactive means the page answers a person: a real mouse-wheel event over the
        # canvas must change the zoom. Measured before anything else runs in the page.
        box = b.eval("(() => { const r = document.querySelector('#ip-network').getBoundingClientRect();"
                     " return [r.left + r.width / 2, r.top + r.height / 2, window.network.getScale()]; })()")
        b.call("Input.dispatchMouseEvent", type="mouseWheel", x=box[0], y=box[1], deltaX=0, deltaY=-120)
        b.wait_for(f"window.network.getScale() !== {box[2]!r}", timeout=timeout, poll=0.005)
        interactive = time.monotonic()
        b.eval(f"window.network.moveTo({{scale: {box[2]!r}, animation: false}})")
        out = b.eval(PROBE)
        out["seconds_to_ready"] = ready - start
        out["seconds_to_interactive"] = interactive - start
        if screenshot:
            # hideEdgesOnZoom brings edges back a moment after the wheel event above.
            time.sleep(0.6)
            b.eval("new Promise(r => { network.once('afterDrawing', r); network.redraw(); })")
            out["screenshot"] = str(b.screenshot(screenshot))
        time.sleep(0.2)
        out["problems"] = b.report.problems
        out["requests"] = list(b.report.requests)
        return out
    finally:
        if own:
            b.close()
