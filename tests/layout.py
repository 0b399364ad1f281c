"""Reading a layout tree the way a reader reads the page: a component by its id, components by their
CSS class, and the text inside one. Trees are Dash components (from a builder or callback called
directly) or their JSON (from a callback over HTTP: ``{"type", "namespace", "props"}``), so a test
can assert an exact value in an exact place rather than a substring anywhere in the whole tree."""

from __future__ import annotations

from typing import Any, Callable, Iterator


def _props(node: Any) -> dict | None:
    if isinstance(node, dict) and "props" in node and "type" in node:
        return node["props"]
    if hasattr(node, "to_plotly_json") and hasattr(node, "_prop_names"):
        return {name: getattr(node, name) for name in node._prop_names if hasattr(node, name)}
    return None


def walk(node: Any) -> Iterator[Any]:
    """Every component in the tree, depth first, the root first."""
    if isinstance(node, (list, tuple)):
        for child in node:
            yield from walk(child)
        return
    props = _props(node)
    if props is None:
        return
    yield node
    yield from walk(props.get("children"))


def kind(node: Any) -> str | None:
    """The component's type, as Dash names it: "Tr", "Graph", "Card"."""
    if isinstance(node, dict):
        return node.get("type")
    return getattr(node, "_type", None)


def prop(node: Any, name: str) -> Any:
    props = _props(node)
    return None if props is None else props.get(name)


def find(node: Any, component_id: Any) -> Any:
    """The one component whose id is ``component_id``; fails when there is none or more than one."""
    found = [c for c in walk(node) if prop(c, "id") == component_id]
    assert len(found) == 1, f"{len(found)} components with id {component_id!r}"
    return found[0]


def find_all(node: Any, test: Callable[[Any], bool]) -> list:
    return [c for c in walk(node) if test(c)]


def of_kind(node: Any, type_name: str) -> list:
    """Every component of one type ("Tr", "H2", "Graph"), in page order."""
    return find_all(node, lambda c: kind(c) == type_name)


def by_class(node: Any, css_class: str) -> list:
    """Every component whose className holds ``css_class`` (as a whole class, not a substring)."""
    return find_all(node, lambda c: css_class in str(prop(c, "className") or "").split())


def text(node: Any) -> str:
    """The text inside a component, as the page shows it (text of its children, in order, joined)."""
    if node is None or isinstance(node, bool):
        return ""
    if isinstance(node, (str, int, float)):
        return str(node)
    if isinstance(node, (list, tuple)):
        return "".join(text(child) for child in node)
    return text(prop(node, "children"))
