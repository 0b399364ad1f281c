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
