// The languages, as dashboard/i18n.py describes them (client_config, in a meta tag of the page):
// the codes, the default, and each one's number locale and decimal mark. Nothing here names one.
const dashboardLanguages = (function () {
    const meta = document.querySelector('meta[name="dashboard-languages"]');
    const config = meta ? JSON.parse(meta.content) : { default: "", languages: {} };
    // a language code as i18n.normalize_lang reads it: a code the server knows, else the default
    const code = (lang) => (Object.prototype.hasOwnProperty.call(config.languages, lang) ? lang : config.default);
    return { code: code, of: (lang) => config.languages[code(lang)] || {} };
})();

// Clientside functions, namespaced under window.dash_clientside.dashboard.
window.dash_clientside = Object.assign({}, window.dash_clientside, {
    dashboard: {
        // Keep <html lang> in step with the ?lang= of the address, for screen readers.
        setDocumentLang: function (search) {
            document.documentElement.lang = dashboardLanguages.code(new URLSearchParams(search || "").get("lang"));
            return window.dash_clientside.no_update;
        },
    },
});

// A page's address ("/compare?year=2024"), as the server wrote it from the page's state: put it
// into the history, so a link reproduces the view. The first address a page writes replaces the
// entry it was opened with. Back and forward load the page the address describes (below). The
// server may say how to keep it ({href, history}): "push" a new entry (the default), "replace"
// this one (▶ play's years), or go "back" to the entry before when that is the address (closing
// the explorer's company detail), else replace.
const dashboardHistory = { returning: null };  // the address a "back" returns to: not reloaded
window.dash_clientside.dashboard.pushAddress = (function () {
    let page = null;
    return function (written) {
        const address = typeof written === "string" ? written : written && written.href;
        if (typeof address !== "string") return;
        const how = (written && written.history) || "push";
        const path = address.split("?")[0];
        const search = address.slice(path.length);
        if (window.location.pathname !== path) return;
        if (search !== window.location.search) {
            const state = window.history.state;
            if (how === "back" && state && state.before === address) {
                dashboardHistory.returning = address;
                window.history.back();
            } else if (how === "push" && page === path) {
                window.history.pushState({ before: window.location.pathname + window.location.search }, "", address);
            } else {
                window.history.replaceState(state, "", address);
            }
        }
        page = path;
    };
})();

// AG Grid helpers (dash-ag-grid looks functions up in window.dashAgGridFunctions).
var dagfuncs = (window.dashAgGridFunctions = window.dashAgGridFunctions || {});

// A number the way a reader of the language writes it (i18n.fmt_number): 1 234,5 in nb, 1,234.5
// in en, a negative one with the true minus in both (Intl writes a hyphen in English) and never
// as "−0".
dagfuncs.fmtNumber = function (value, decimals, lang) {
    if (value === null || value === undefined || Number.isNaN(value)) return "–";
    return new Intl.NumberFormat(dashboardLanguages.of(lang).locale, {
        minimumFractionDigits: decimals,
        maximumFractionDigits: decimals,
        signDisplay: "negative",
    }).format(value).replace(/^-/, "\u2212");
};

// One CSV cell: the language's decimal mark (a comma in nb, where the separator is ";"), and text
// that a spreadsheet would run as a formula (= + - @, tab, carriage return) is prefixed with ' so
// it stays text.
dagfuncs.csvCell = function (params, lang) {
    const v = params.value;
    if (v === null || v === undefined) return "";
    if (typeof v === "number") return String(v).replace(".", dashboardLanguages.of(lang).decimal || ".");
    const s = String(v);
    return /^[=+\-@\t\r]/.test(s) ? "'" + s : s;
};

// Compare page: print view (the print CSS lays it out on A4 landscape).
window.dash_clientside.dashboard.print = function () {
    window.print();
    return window.dash_clientside.no_update;
};

// Charts in a .print-fit panel are drawn again while the page prints, as on a 1280 px screen (so
// their text has the room it was laid out for) and scaled to the width of an A4 landscape page
// (10 mm margins); afterwards at their own size. Chromium fires these events for the print button,
// Ctrl+P and its print-to-PDF alike. A legend above the plot keeps its distance in px.
(function () {
    const PAGE = { width: 1040, height: 700 };  // CSS px inside the margins, less a little room
    const DRAW = 1180;  // the width the charts are drawn at for print, scaled down to PAGE.width
    const scale = PAGE.width / DRAW;
    let drawn = [];
    window.addEventListener("beforeprint", function () {
        if (!window.Plotly) return;
        drawn = Array.from(document.querySelectorAll(".print-fit .js-plotly-plot")).filter(function (gd) {
            return gd._fullLayout && gd.offsetParent !== null;
        }).map(function (gd) {
            const full = gd._fullLayout, before = { width: gd.layout.width, height: gd.layout.height };
            // a .print-fill chart (the compare radar) takes the page's height: a radar grows with it
            const page = Math.floor(PAGE.height / scale);
            const height = gd.closest(".print-fill") ? page : Math.min(page, full.height);
            const update = { width: DRAW, height: height };
            if (gd.layout.legend && gd.layout.legend.y > 1) {
                const plot = function (h) { return h - full.margin.t - full.margin.b; };
                update["legend.y"] = 1 + (gd.layout.legend.y - 1) * plot(full.height) / plot(height);
                before["legend.y"] = gd.layout.legend.y;
            }
            window.Plotly.relayout(gd, update);
            gd.style.zoom = scale;
            return [gd, before];
        });
    });
    window.addEventListener("afterprint", function () {
        drawn.forEach(function (entry) {
            const gd = entry[0], before = entry[1];
            gd.style.zoom = "";
            window.Plotly.relayout(gd, Object.assign({}, before, {
                width: before.width === undefined ? null : before.width,
                height: before.height === undefined ? null : before.height,
            }));
        });
        drawn = [];
    });
})();

// Back and forward on the explorer, compare and benchmark pages: load the view the address
// describes (the server draws it from the address; nothing here reads the address's parts).
window.addEventListener("popstate", function (event) {
    if (dashboardHistory.returning === window.location.pathname + window.location.search) {
        dashboardHistory.returning = null;  // the page already shows it
        event.stopImmediatePropagation();
        return;
    }
    if ((window.location.pathname === "/" && document.getElementById("explorer-county"))
        || (window.location.pathname === "/compare" && document.getElementById("compare-companies"))
        || (window.location.pathname === "/benchmark" && document.getElementById("benchmark-query"))) {
        event.stopImmediatePropagation();
        window.location.reload();
    }
}, true);

// The explorer's share / embed menus (pages/explorer.share_menu): the link to the view and the
// iframe snippet of each chart's embed (/embed/<chart>, the same view less an open company's
// detail), written from the address the server gave the view and the origin the reader reached.
window.dash_clientside.dashboard.shareTexts = function (written) {
    const CHARTS = ["map", "sectors", "trend", "scatter"];
    const address = (written && written.href) || window.location.pathname + window.location.search;
    const origin = window.location.origin;
    // the embed's address: the selection with its years written out (it keeps showing them after a
    // new year is imported), no company detail
    const search = (written && written.embed) || "";
    const escape = (s) => String(s).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
    const title = (chart) => {
        const gd = document.querySelector("#explorer-" + chart + " .js-plotly-plot");
        const text = gd && gd.layout && gd.layout.title && gd.layout.title.text;
        return text ? text.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim() : document.title;
    };
    const links = CHARTS.map(() => origin + address);
    const embeds = CHARTS.map((chart) => '<iframe src="' + escape(origin + "/embed/" + chart + search) +
        '" width="600" height="400" style="border:0" loading="lazy" title="' + escape(title(chart)) + '"></iframe>');
    return links.concat(embeds);
};

// A chart's share / embed panel opened and closed by its button, which says which it is.
window.dash_clientside.dashboard.toggleShare = function (n, open) {
    return [!open, String(!open)];
};

// A copy button: its field's text to the clipboard (selected, for a browser without the
// Clipboard API, and copied the old way), and the button says so.
window.dash_clientside.dashboard.copyText = function (n) {
    const id = window.dash_clientside.callback_context.triggered_id;
    const field = id && document.getElementById(id.target);
    if (!field) return window.dash_clientside.no_update;
    field.select();
    if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value);
    } else {
        document.execCommand("copy");
    }
    const lang = dashboardLanguages.of(document.documentElement.lang);
    return (lang.texts || {})["share.copied"] || "✓";
};

// A PNG or SVG button: the chart as plotly.js draws it (assets/plotly-download.js).
window.dash_clientside.dashboard.downloadChart = function (n) {
    const id = window.dash_clientside.callback_context.triggered_id;
    const gd = id && document.querySelector("#explorer-" + id.chart + " .js-plotly-plot");
    if (gd && window.dashboardDownloadChart) window.dashboardDownloadChart(gd, id.format);
    return window.dash_clientside.no_update;
};
