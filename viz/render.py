"""The self-contained HTML page around a vis-network graph.

pyvis's own template loads Bootstrap (and with ``cdn_resources='local'``
vis-network) from a CDN and puts node titles into the page as HTML. This
template instead:

* inlines vis-network's standalone build and our script and styles from
  ``assets/`` (no http(s) reference at all: the file opens from a USB stick);
* passes every piece of data as JSON inside ``<script type="application/json">``
  with ``<``, ``>`` and ``&`` written as ``\\u003c`` etc., so no article text can
  close the script element or be parsed as markup;
* builds tooltips, the details panel and links in the browser with
  ``createElement``/``textContent`` (see ``assets/view.js``), never from markup;
* carries a Content-Security-Policy that lets only its own two scripts run
  (by hash) and forbids any network load, as a second line of defence.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def asset(name: str) -> str:
    """Text of a file shipped in ``viz/assets`` (package data, so it works from a wheel)."""
    return resources.files("interparty.viz").joinpath("assets", name).read_text(encoding="utf-8")


def safe_json(data: Any) -> str:
    """JSON that is inert inside a ``<script>`` element, whatever strings it holds."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str)
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _sha256(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


def page(title: str, payload: dict[str, Any]) -> str:
    """The whole HTML document for one view."""
    vis_js = asset("vis-network.min.js")
    view_js = asset("view.js")
    # The inline scripts must not contain a literal closing script tag; ours don't, and the
    # vendored bundle is checked here so that an upgrade that does fails loudly.
    for s in (vis_js, view_js):
        if "</script" in s.lower():
            raise ValueError("an inline script contains '</script'")
    csp = ("default-src 'none'; "
           f"script-src {_sha256(vis_js)} {_sha256(view_js)}; "
           "style-src 'unsafe-inline'; img-src data: blob:; font-src data:; "
           "connect-src 'none'; base-uri 'none'; form-action 'none'")
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<link rel="icon" href="data:,">\n'
        f"<title>{html.escape(title)}</title>\n"
        f"<style>\n{asset('view.css')}\n</style>\n"
        "</head>\n<body>\n"
        '<header id="ip-bar">\n'
        f'  <h1 id="ip-title">{html.escape(title)}</h1>\n'
        '  <input id="ip-search" type="search" placeholder="Search names…" autocomplete="off" aria-label="Search">\n'
        '  <span id="ip-found"></span>\n'
        '  <details id="ip-filters"><summary>Filters</summary><div id="ip-filter-body"></div></details>\n'
        "</header>\n"
        '<div id="ip-notice" hidden></div>\n'
        '<main id="ip-main"><div id="ip-network"></div>'
        '<aside id="ip-side"><div id="ip-legend"></div><div id="ip-details">'
        '<p class="ip-hint">Click a node or an edge to see its sources.</p></div></aside></main>\n'
        f'<script type="application/json" id="ip-data">{safe_json(payload)}</script>\n'
        f"<script>{vis_js}</script>\n"
        f"<script>{view_js}</script>\n"
        "</body>\n</html>\n"
    )
