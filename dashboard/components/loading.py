"""The spinner over a chart or table while a callback redraws it.

What is being redrawn stays where it is, dimmed under the spinner, so the page does not jump; the
spinner shows only when a redraw takes longer than a moment (``DELAY`` ms), so a quick one does
not flicker; and not while the page first loads, whose content the server has drawn already.
"""

from __future__ import annotations

from dash import dcc

DELAY = 300  # ms a redraw may take before the spinner shows
COLOUR = "#1f5f99"  # figures.PRIMARY


def loading(children: object, **props: object) -> dcc.Loading:
    """``children`` (a chart, a table, or what holds one) with a spinner while a callback redraws them."""
    return dcc.Loading(children, type="circle", color=COLOUR, delay_show=DELAY, show_initially=False,
                       overlay_style={"visibility": "visible", "opacity": 0.45}, parent_className="loading-parent",
                       **props)
