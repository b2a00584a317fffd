"""Make an SVG safe and accessible to inline in a page with a strict Content-Security-Policy.

matplotlib writes styles as ``style="…"`` attributes and a ``<style>`` element, which a CSP
without ``unsafe-inline`` styles blocks; its ids (``figure_1``, clip paths) collide when a page
shows two charts. :func:`inline_svg` rewrites the SVG so that it has:

- no ``style`` attribute or element: each declaration becomes a presentation attribute
  (``style="fill: #fff; font: 10px 'DejaVu Sans'"`` → ``fill="#fff" font-size="10px"
  font-family="'DejaVu Sans'"``); a ``* {…}`` rule becomes attributes of the root, inherited;
- no script, event handler, metadata, or reference outside the SVG itself;
- every id that is referred to prefixed (``url(#p1)`` → ``url(#money-p1)``), the rest dropped;
- ``role="img"`` and ``aria-labelledby`` pointing at its own ``<title>`` and ``<desc>``;
- a ``viewBox`` and no fixed width or height, so that it scales with its container.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from stuurknop.charts.xml_text import xml_text

SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
ID_PREFIX = re.compile(r"[A-Za-z][A-Za-z0-9_-]*\Z")
URL_REF = re.compile(r"url\(\s*#([^)\s]+)\s*\)")

# CSS properties that SVG also accepts as presentation attributes (SVG 1.1 and 2).
PRESENTATION = frozenset(
    """
    alignment-baseline baseline-shift clip clip-path clip-rule color color-interpolation
    color-interpolation-filters cursor direction display dominant-baseline fill fill-opacity
    fill-rule filter flood-color flood-opacity font-family font-size font-size-adjust
    font-stretch font-style font-variant font-weight image-rendering letter-spacing
    lighting-color marker-end marker-mid marker-start mask opacity overflow paint-order
    pointer-events shape-rendering stop-color stop-opacity stroke stroke-dasharray
    stroke-dashoffset stroke-linecap stroke-linejoin stroke-miterlimit stroke-opacity
    stroke-width text-anchor text-decoration text-rendering transform-origin unicode-bidi
    vector-effect visibility word-spacing writing-mode
    """.split()  # noqa: SIM905 - a list of 56 words reads better as words
)
DROPPED = frozenset({"metadata", "style", "script", "foreignObject"})
FONT_STYLES = frozenset({"italic", "oblique"})
FONT_WEIGHTS = frozenset({"bold", "bolder", "lighter"})
FONT_STRETCHES = frozenset(
    {
        "ultra-condensed",
        "extra-condensed",
        "condensed",
        "semi-condensed",
        "semi-expanded",
        "expanded",
        "extra-expanded",
        "ultra-expanded",
    }
)
FONT_SHORTHAND = re.compile(
    r"^(?P<pre>(?:\S+\s+)*?)(?P<size>[\d.]+(?:px|pt|em|rem|%)?)(?:/\S+)?\s+(?P<family>.+)$"
)


def inline_svg(raw: str, *, id_prefix: str, title: str, description: str) -> str:
    """``raw`` SVG rewritten to be inlined in HTML under a strict CSP (see the module doc)."""
    if not ID_PREFIX.match(id_prefix):
        raise ValueError(f"id_prefix {id_prefix!r} must start with a letter (a-z, 0-9, -, _)")
    root = ET.fromstring(raw)
    if root.tag != f"{{{SVG}}}svg":
        raise ValueError("not an SVG document")
    inherited = _drop_unsafe(root)
    referenced = _references(root)
    for element in root.iter():
        _rewrite(element, id_prefix, referenced)
    _make_root(root, id_prefix, title, description, inherited)
    _drop_empty_groups(root)
    for element in root.iter():
        _squeeze(element)
        _plain_names(element)
    root.attrib["xmlns"] = SVG
    root.attrib["xmlns:xlink"] = XLINK
    return ET.tostring(root, encoding="unicode")


def style_attributes(style: str) -> dict[str, str]:
    """A ``style`` attribute's declarations as presentation attributes (others are dropped)."""
    attributes: dict[str, str] = {}
    for declaration in style.split(";"):
        name, _, value = declaration.partition(":")
        name, value = name.strip().lower(), value.strip()
        if not name or not value:
            continue
        if name == "font":
            attributes.update(font_shorthand(value))
        elif name in PRESENTATION:
            attributes[name] = value
    return attributes


def font_shorthand(value: str) -> dict[str, str]:
    """CSS ``font`` (``italic bold 10px/1.2 'DejaVu Sans', sans-serif``) as attributes."""
    match = FONT_SHORTHAND.match(value.strip())
    if match is None:
        return {}
    attributes = {"font-size": match["size"], "font-family": match["family"].strip()}
    for token in match["pre"].split():
        token = token.lower()
        if token in FONT_STYLES:
            attributes["font-style"] = token
        elif token == "small-caps":
            attributes["font-variant"] = token
        elif token in FONT_WEIGHTS or token.isdigit():
            attributes["font-weight"] = token
        elif token in FONT_STRETCHES:
            attributes["font-stretch"] = token
    return attributes


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _drop_unsafe(root: ET.Element) -> dict[str, str]:
    """Remove metadata, scripts and style elements; return the ``*`` rule's declarations."""
    inherited: dict[str, str] = {}
    for parent in list(root.iter()):
        for child in list(parent):
            tag = _local(child.tag) if isinstance(child.tag, str) else ""
            if tag == "style":
                for selector, body in re.findall(r"([^{}]+)\{([^}]*)\}", child.text or ""):
                    if selector.strip() == "*":
                        inherited.update(style_attributes(body))
            if tag in DROPPED or not tag:
                parent.remove(child)
    return inherited


def _references(root: ET.Element) -> set[str]:
    referenced = set()
    for element in root.iter():
        for name, value in element.attrib.items():
            if _local(name) == "href" and value.startswith("#"):
                referenced.add(value[1:])
            referenced.update(URL_REF.findall(value))
    return referenced


def _rewrite(element: ET.Element, prefix: str, referenced: set[str]) -> None:
    attrib = element.attrib
    style = attrib.pop("style", None)
    if style is not None:
        for name, value in style_attributes(style).items():
            attrib.setdefault(name, value)
    for name in list(attrib):
        value = attrib[name]
        local = _local(name)
        if local.lower().startswith("on"):
            del attrib[name]
        elif local == "id":
            if value in referenced:
                attrib[name] = f"{prefix}-{value}"
            else:
                del attrib[name]
        elif local == "href":
            if value.startswith("#"):
                attrib[name] = f"#{prefix}-{value[1:]}"
            else:  # no external references (images, fonts, links)
                del attrib[name]
        elif "url(" in value:
            if re.search(r"url\(\s*[^#\s]", value):
                del attrib[name]
            else:
                attrib[name] = URL_REF.sub(lambda m: f"url(#{prefix}-{m[1]})", value)


def _make_root(
    root: ET.Element, prefix: str, title: str, description: str, inherited: dict[str, str]
) -> None:
    width, height = root.attrib.pop("width", None), root.attrib.pop("height", None)
    if "viewBox" not in root.attrib:
        if width is None or height is None:
            raise ValueError("an SVG needs a viewBox or a width and height")
        root.attrib["viewBox"] = f"0 0 {_number(width)} {_number(height)}"
    root.attrib.pop("version", None)
    for name, value in inherited.items():
        root.attrib.setdefault(name, value)
    root.attrib["role"] = "img"
    root.attrib["aria-labelledby"] = f"{prefix}-title {prefix}-desc"
    title_element = ET.Element(f"{{{SVG}}}title", {"id": f"{prefix}-title"})
    title_element.text = xml_text(title)
    desc_element = ET.Element(f"{{{SVG}}}desc", {"id": f"{prefix}-desc"})
    desc_element.text = xml_text(description)
    for existing in [c for c in root if _local(c.tag) in ("title", "desc")]:
        root.remove(existing)
    root.insert(0, desc_element)
    root.insert(0, title_element)


def _drop_empty_groups(parent: ET.Element) -> None:
    """matplotlib leaves empty ``<g>`` and ``<defs>`` behind once ids are gone."""
    for child in list(parent):
        _drop_empty_groups(child)
        if _local(child.tag) in ("g", "defs") and len(child) == 0 and "id" not in child.attrib:
            parent.remove(child)


def _plain_names(element: ET.Element) -> None:
    """Spell the namespaces as HTML does (``<svg xmlns=…>``, ``xlink:href``), not ``ns0:``."""
    element.tag = _local(element.tag)
    for name in [n for n in element.attrib if n.startswith("{")]:
        value = element.attrib.pop(name)
        prefix = "xlink:" if name.startswith(f"{{{XLINK}}}") else ""
        element.attrib[prefix + _local(name)] = value


def _number(length: str) -> str:
    match = re.match(r"[\d.]+", length.strip())
    if match is None:
        raise ValueError(f"cannot read the SVG size {length!r}")
    return match[0]


def _squeeze(element: ET.Element) -> None:
    """Drop indentation and collapse path data onto one line (smaller pages, same picture)."""
    if element.text is not None and not element.text.strip():
        element.text = None
    if element.tail is not None and not element.tail.strip():
        element.tail = None
    d = element.attrib.get("d")
    if d is not None:
        element.attrib["d"] = " ".join(d.split())
