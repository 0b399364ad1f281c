// Clientside functions, namespaced under window.dash_clientside.dashboard.
window.dash_clientside = Object.assign({}, window.dash_clientside, {
    dashboard: {
        // Keep <html lang> in step with the ?lang= of the address, for screen readers.
        setDocumentLang: function (search) {
            const lang = new URLSearchParams(search || "").get("lang") === "en" ? "en" : "nb";
            document.documentElement.lang = lang;
            return window.dash_clientside.no_update;
        },
    },
});

// The explorer's address, as the server wrote it from state.Filters.to_query: put it into the
// history (the first one replaces the entry the page was opened with), so a link reproduces the
// view. Back and forward load the page the address describes (below).
window.dash_clientside.dashboard.pushAddress = (function () {
    let first = true;
    return function (search) {
        if (typeof search !== "string" || window.location.pathname !== "/") return;
        if (search !== window.location.search) {
            window.history[first ? "replaceState" : "pushState"](null, "", "/" + search);
        }
        first = false;
    };
})();

// AG Grid helpers (dash-ag-grid looks functions up in window.dashAgGridFunctions).
var dagfuncs = (window.dashAgGridFunctions = window.dashAgGridFunctions || {});

// A number the way a reader of the language writes it: 1 234,5 in nb, 1,234.5 in en.
dagfuncs.fmtNumber = function (value, decimals, lang) {
    if (value === null || value === undefined || Number.isNaN(value)) return "–";
    return new Intl.NumberFormat(lang === "en" ? "en-GB" : "nb-NO", {
        minimumFractionDigits: decimals,
        maximumFractionDigits: decimals,
    }).format(value);
};

// One CSV cell: decimal comma in nb (the separator there is ";"), and text that a spreadsheet
// would run as a formula (= + - @, tab, carriage return) is prefixed with ' so it stays text.
dagfuncs.csvCell = function (params, lang) {
    const v = params.value;
    if (v === null || v === undefined) return "";
    if (typeof v === "number") return lang === "en" ? String(v) : String(v).replace(".", ",");
    const s = String(v);
    return /^[=+\-@\t\r]/.test(s) ? "'" + s : s;
};

// Compare page: print view (the print CSS lays it out on A4 landscape).
window.dash_clientside.dashboard.print = function () {
    window.print();
    return window.dash_clientside.no_update;
};

// The newest year a page's year dropdown offers: the default year, left out of the address.
window.dash_clientside.dashboard.newestYear = function (options) {
    const years = (options || []).map((o) => o.value).filter((v) => typeof v === "number");
    return years.length ? Math.max(...years) : null;
};

// Compare page: the address follows the selection; the same form as state.CompareState.to_query.
// newest is the last year with data (the newest the year dropdown offers).
window.dash_clientside.dashboard.compareQuery = function (year, prize, status, companies, weights, ids, view, lang, newest) {
    const args = [];
    if (year && year !== newest) args.push(["year", String(year)]);
    if (prize && prize !== "main") args.push(["prize", prize]);
    if (status && status !== "nominated") args.push(["status", status]);
    if (Array.isArray(companies) && companies.length) args.push(["companies", companies.join(",")]);
    const w = (ids || []).map((id, i) => [id.criterion, weights[i]]).filter(([, v]) => v !== 1 && v !== null && v !== undefined);
    if (w.length) args.push(["weights", w.map(([c, v]) => c + ":" + v).join(",")]);
    if (view && view !== "change") args.push(["view", view]);
    if (lang === "en") args.push(["lang", "en"]);
    return args.length ? "?" + args.map(([k, v]) => k + "=" + encodeURIComponent(v).replace(/%2C/g, ",").replace(/%3A/g, ":")).join("&") : "";
};

window.dash_clientside.dashboard.syncCompareUrl = function (year, prize, status, companies, weights, view, ids, lang, yearOptions) {
    const newest = window.dash_clientside.dashboard.newestYear(yearOptions);
    const q = (language) => window.dash_clientside.dashboard.compareQuery(
        year, prize, status, companies, weights, ids, view, language, newest);
    const search = q(lang);
    if (window.location.pathname === "/compare" && search !== window.location.search) {
        window.history.pushState({ compare: true }, "", "/compare" + search);
    }
    return ["/compare" + q("nb"), "/compare" + q("en")];
};

// Back and forward on the explorer, compare and benchmark pages: load the view the address
// describes (the server draws it from the address; nothing here reads the address's parts).
window.addEventListener("popstate", function (event) {
    if ((window.location.pathname === "/" && document.getElementById("explorer-county"))
        || (window.location.pathname === "/compare" && document.getElementById("compare-companies"))
        || (window.location.pathname === "/benchmark" && document.getElementById("benchmark-query"))) {
        event.stopImmediatePropagation();
        window.location.reload();
    }
}, true);

// Benchmark page: the address follows a looked-up company, the year, the peer group and the trend's
// key figure, so a link reproduces the view. Typed figures never go into the address. The newest
// year the dropdown offers is the default, left out.
window.dash_clientside.dashboard.syncBenchmarkUrl = function (mode, query, year, peers, kpi, lang, yearOptions) {
    const newest = window.dash_clientside.dashboard.newestYear(yearOptions);
    const build = (language) => {
        const args = [];
        if (mode !== "typed" && query && String(query).trim()) args.push(["company", String(query).trim()]);
        if (year && year !== newest) args.push(["year", String(year)]);
        const p = Array.isArray(peers) ? peers.join(",") : "";
        if (p !== "sector,size") args.push(["peers", p]);
        if (kpi && kpi !== "productivity") args.push(["kpi", kpi]);
        if (language === "en") args.push(["lang", "en"]);
        return "/benchmark" + (args.length ? "?" + args.map(([k, v]) => k + "=" + encodeURIComponent(v).replace(/%2C/g, ",")).join("&") : "");
    };
    const here = build(lang);
    if (window.location.pathname === "/benchmark" && here !== window.location.pathname + window.location.search) {
        window.history.pushState({ benchmark: true }, "", here);
    }
    return [build("nb"), build("en")];
};
