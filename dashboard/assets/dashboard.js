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
// entry it was opened with. Back and forward load the page the address describes (below).
window.dash_clientside.dashboard.pushAddress = (function () {
    let page = null;
    return function (address) {
        if (typeof address !== "string") return;
        const path = address.split("?")[0];
        const search = address.slice(path.length);
        if (window.location.pathname !== path) return;
        if (search !== window.location.search) {
            window.history[page === path ? "pushState" : "replaceState"](null, "", address);
        }
        page = path;
    };
})();

// AG Grid helpers (dash-ag-grid looks functions up in window.dashAgGridFunctions).
var dagfuncs = (window.dashAgGridFunctions = window.dashAgGridFunctions || {});

// A number the way a reader of the language writes it: 1 234,5 in nb, 1,234.5 in en.
dagfuncs.fmtNumber = function (value, decimals, lang) {
    if (value === null || value === undefined || Number.isNaN(value)) return "–";
    return new Intl.NumberFormat(dashboardLanguages.of(lang).locale, {
        minimumFractionDigits: decimals,
        maximumFractionDigits: decimals,
    }).format(value);
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
