"""The article in a saved news page: main text, title, date and URL, without the site's furniture."""

from __future__ import annotations

from dataclasses import dataclass

from interparty.loaders.dates import parse_article_date
from selectolax.lexbor import LexborHTMLParser as HTMLParser
from selectolax.lexbor import LexborNode as Node

_DROP = ("script, style, noscript, template, nav, header, footer, aside, form, iframe, svg, button, select, "
         "figure figcaption")
_BLOCKS = {"p", "h1", "h2", "h3", "h4", "li", "blockquote", "pre", "td", "div", "section", "article", "br"}
_FURNITURE = ("menu", "nav", "byline", "author", "breadcrumb", "related", "footer", "header", "sidebar", "share",
              "social", "comment", "advert", "banner", "tags", "newsletter", "cookie")


@dataclass(frozen=True)
class Page:
    title: str
    text: str
    date: str | None
    url: str


def _meta(tree: HTMLParser, *names: str) -> str:
    for name in names:
        for sel in (f'meta[property="{name}"]', f'meta[name="{name}"]', f'meta[itemprop="{name}"]'):
            node = tree.css_first(sel)
            if node is not None and node.attributes.get("content"):
                return (node.attributes.get("content") or "").strip()
    return ""


def _is_furniture(node: Node) -> bool:
    attrs = " ".join(filter(None, (node.attributes.get("class"), node.attributes.get("id"),
                                   node.attributes.get("role")))).casefold()
    return any(word in attrs for word in _FURNITURE)


def _text_of(node: Node) -> str:
    parts: list[str] = []

    def walk(n: Node) -> None:
        for child in n.iter(include_text=True):
            if child.tag == "-text":
                parts.append(child.text_content or "")
            elif child.tag in ("script", "style"):
                continue
            else:
                if child.tag in _BLOCKS:
                    parts.append("\n")
                walk(child)
                if child.tag in _BLOCKS:
                    parts.append("\n")

    walk(node)
    lines = (" ".join(line.split()) for line in "".join(parts).splitlines())
    return "\n".join(line for line in lines if line)


def parse_page(html: str) -> Page:
    tree = HTMLParser(html)
    title = _meta(tree, "og:title", "twitter:title")
    if not title and (t := tree.css_first("title")) is not None:
        title = t.text(strip=True)
    h1 = tree.css_first("h1")
    if h1 is not None and h1.text(strip=True):
        title = h1.text(strip=True) if not title or len(h1.text(strip=True)) > 10 else title
    date_text = _meta(tree, "article:published_time", "datePublished", "pubdate", "date", "dc.date")
    if not date_text and (t := tree.css_first("time[datetime]")) is not None:
        date_text = t.attributes.get("datetime") or ""
    url = _meta(tree, "og:url")
    if not url and (link := tree.css_first('link[rel="canonical"]')) is not None:
        url = link.attributes.get("href") or ""
    for node in tree.css(_DROP):
        node.decompose()
    for node in list(tree.css("div, section, ul, ol, p, span")):
        if node.parent is not None and _is_furniture(node):
            node.decompose()
    root = tree.css_first("article") or tree.css_first("main") or tree.css_first('[itemprop="articleBody"]')
    if root is None:
        # The block with the most paragraph text is the article.
        candidates = [n for n in tree.css("div, section") if n.css("p")]
        root = max(candidates, key=lambda n: sum(len(p.text()) for p in n.css("p")), default=None) or tree.body
    text = _text_of(root) if root is not None else ""
    if title and text.startswith(title):
        text = text[len(title):].lstrip()
    return Page(title=title, text=text, date=parse_article_date(date_text), url=url)
