"""HTML elements written as the JSON Dash sends for a component (``{"type", "namespace",
"props"}``), for tables of hundreds of cells. Building Dash's component objects for them, each
checking its properties, and then turning them into that JSON took most of a compare table's
time (a comparison of ten companies is about 1,400 elements); the browser receives the same."""

from __future__ import annotations

from typing import Any


def el(tag: str, children: Any = None, **props: Any) -> dict:
    """``<tag>`` (an ``html.<Tag>`` component) with its ``children`` and properties as Dash names
    them (``className``, ``scope``)."""
    if children is not None:
        props["children"] = children
    return {"type": tag, "namespace": "dash_html_components", "props": props}
