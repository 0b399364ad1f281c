"""Build the JSON body the browser sends to ``/_dash-update-component`` for any callback of the
app, from the app's own callback map, so HTTP tests (and the benchmark) need no hand-copied ids."""

from __future__ import annotations

from typing import Any


def _outputs(key: str) -> list[dict] | dict:
    if key.startswith(".."):
        parts = [p for p in key.strip(".").split("...")]
        return [dict(zip(("id", "property"), p.rsplit(".", 1))) for p in parts]
    return dict(zip(("id", "property"), key.rsplit(".", 1)))


def callback_key(app, output: str) -> str:
    """The callback-map key of the callback that has ``output`` ("id.prop") among its outputs."""
    for key in app.callback_map:
        outs = _outputs(key)
        outs = outs if isinstance(outs, list) else [outs]
        if any(f"{o.get('id')}.{o.get('property')}" == output for o in outs):
            return key
    raise KeyError(output)


def callback_body(app, output: str, values: dict[str, Any], changed: str | None = None) -> dict:
    """The request for the callback with ``output``; ``values`` maps "id.prop" to each input's and
    state's value (missing ones are None)."""
    key = callback_key(app, output)
    spec = app.callback_map[key]

    def items(kind: str) -> list[dict]:
        return [{"id": d["id"], "property": d["property"], "value": values.get(f"{d['id']}.{d['property']}")}
                for d in spec[kind]]

    inputs = items("inputs")
    return {
        "output": key,
        "outputs": _outputs(key),
        "inputs": inputs,
        "changedPropIds": [changed or f"{inputs[0]['id']}.{inputs[0]['property']}"],
        "state": items("state"),
    }
