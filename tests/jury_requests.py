"""The requests the jury page's browser sends, built by hand for HTTP and in-process tests: the
view of a tab, one cell saved, an action (submit, reopen, open or close the round), a conflict
ticked or unticked, a download. The callback keys come from the app's own callback map."""

from __future__ import annotations

import json

from dashboard.pages import jury as page


def _key(app, output: str) -> str:
    return next(k for k in app.callback_map if output in k)


def _choice(year: object, prize: object, lang: str) -> list[dict]:
    return [{"id": page.YEAR, "property": "value", "value": year}, {"id": page.PRIZE, "property": "value", "value": prize},
            {"id": page.LANG, "property": "data", "value": lang}]


def view(app, tab: str = "sheet", year: object = 2025, prize: object = "main", lang: str = "en") -> dict:
    return {"output": _key(app, f"{page.VIEW}.children"),
            "outputs": [{"id": page.VIEW, "property": "children"}, {"id": page.STATUS, "property": "children"}],
            "inputs": [{"id": page.YEAR, "property": "value", "value": year},
                       {"id": page.PRIZE, "property": "value", "value": prize},
                       {"id": page.TABS, "property": "active_tab", "value": tab},
                       {"id": page.VERSION, "property": "data", "value": 1}],
            "changedPropIds": [f"{page.TABS}.active_tab"], "state": [{"id": page.LANG, "property": "data", "value": lang}]}


def save(app, org: object, criterion: object, score: object, comment: object = "", year: object = 2025,
         prize: object = "main", lang: str = "en", left: bool = False) -> dict:
    """One cell as the browser sends it when a score is typed (saved: the score), or when the
    comment is ``left`` (saved: the comment)."""
    cell = {"org": org, "criterion": criterion}
    score_id = {"type": page.SCORE, **cell}
    comment_id = {"type": page.COMMENT, **cell}
    return {"output": _key(app, page.SAVED), "outputs": {"id": {"type": page.SAVED, **cell}, "property": "children"},
            "inputs": [{"id": score_id, "property": "value", "value": score},
                       {"id": comment_id, "property": "n_blur", "value": None}],
            "changedPropIds": [json.dumps(comment_id if left else score_id, sort_keys=True, separators=(",", ":"))
                               + (".n_blur" if left else ".value")],
            "state": [{"id": comment_id, "property": "value", "value": comment}, *_choice(year, prize, lang)]}


def _act(app, inputs: list, changed: dict, prop: str, year: object, prize: object, lang: str) -> dict:
    return {"output": _key(app, f"{page.VERSION}.data"),
            "outputs": [{"id": page.VERSION, "property": "data"}, {"id": page.MESSAGE, "property": "children"}],
            "inputs": inputs,
            "changedPropIds": [json.dumps(changed, sort_keys=True, separators=(",", ":")) + "." + prop],
            "state": [{"id": page.VERSION, "property": "data", "value": 0}, *_choice(year, prize, lang)]}


def action(app, name: str, year: object = 2025, prize: object = "main", lang: str = "en") -> dict:
    button = {"type": page.ACTION, "action": name}
    return _act(app, [[{"id": button, "property": "n_clicks", "value": 1}], []], button, "n_clicks", year, prize, lang)


def conflict(app, org: object, declared: bool = True, year: object = 2025, prize: object = "main",
             lang: str = "en") -> dict:
    box = {"type": page.CONFLICT, "org": org}
    value = ["conflict"] if declared else []
    return _act(app, [[], [{"id": box, "property": "value", "value": value}]], box, "value", year, prize, lang)


def export(app, fmt: str = "csv", year: object = 2025, prize: object = "main", lang: str = "en") -> dict:
    button = {"type": page.EXPORT, "format": fmt}
    return {"output": _key(app, f"{page.DOWNLOAD}.data"), "outputs": {"id": page.DOWNLOAD, "property": "data"},
            "inputs": [[{"id": button, "property": "n_clicks", "value": 1}]],
            "changedPropIds": [json.dumps(button, sort_keys=True, separators=(",", ":")) + ".n_clicks"],
            "state": _choice(year, prize, lang)}


def every_callback(app) -> list[dict]:
    """One request to each of the page's server callbacks (the address's too)."""
    address = {"output": _key(app, f"{page.ADDRESS}.data"),
               "outputs": [{"id": page.ADDRESS, "property": "data"}, {"id": "lang-nb", "property": "href"},
                           {"id": "lang-en", "property": "href"}],
               "inputs": [{"id": page.YEAR, "property": "value", "value": 2025},
                          {"id": page.PRIZE, "property": "value", "value": "main"},
                          {"id": page.TABS, "property": "active_tab", "value": "consensus"}],
               "changedPropIds": [f"{page.TABS}.active_tab"], "state": [{"id": page.LANG, "property": "data", "value": "en"}]}
    return [view(app, "consensus"), view(app, "round"), save(app, "0", "innovative", 5), action(app, "close"),
            conflict(app, "0"), export(app), address]
