// Every chart downloads as PNG and SVG, offline, by plotly.js's own export (Plotly.downloadImage):
// 1600 × 900 pixels (a slide; print scales it), with the chart's title and source note inside the
// image, as drawn. The file is named for what it shows: the figure's layout.meta.filename where the
// page gives one (the explorer: KPI, selection, year), else its title and subtitle.
// Loaded after plotly-bundle.min.js (assets load by name): it wraps Plotly.newPlot and Plotly.react
// so every chart's toolbar gets the SVG button beside the PNG one, whichever page drew it.
(function () {
    const Plotly = window.Plotly;
    if (!Plotly) return;
    const SIZE = { width: 1600, height: 900 };
    const meta = document.querySelector('meta[name="dashboard-languages"]');
    const config = meta ? JSON.parse(meta.content) : { default: "", languages: {} };
    const text = (key) => {
        const lang = config.languages[document.documentElement.lang] || config.languages[config.default] || {};
        return (lang.texts || {})[key] || key;
    };
    const slug = (s) => String(s || "").replace(/<[^>]+>/g, " ").normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
        .replace(/[øØ]/g, "o").replace(/[æÆ]/g, "ae").replace(/[åÅ]/g, "a").toLowerCase()
        .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");

    function fileName(layout) {
        const named = layout && layout.meta && layout.meta.filename;
        if (named) return named;
        const title = (layout && layout.title) || {};
        return (slug(title.text) + (title.subtitle ? "-" + slug(title.subtitle.text) : "")).slice(0, 120) || "chart";
    }

    function download(gd, format) {
        return Plotly.downloadImage(gd, Object.assign({ format: format, filename: fileName(gd.layout) }, SIZE));
    }
    window.dashboardDownloadChart = download;

    // an arrow down onto a line: "download" (plotly.js's camera is the PNG's)
    const ICON = { width: 1000, height: 1000, path: "M150 850h700v-80H150zM460 100h80v450l150-150 55 55-245 245-245-245 55-55 150 150z" };

    // the toolbar's PNG button at the slide size, named for the figure; an SVG button beside it,
    // its title in the page's language at the time the chart is drawn (a new language draws anew)
    function withButtons(options, layout) {
        const c = Object.assign({}, options || {});
        if (c.displayModeBar === false) return c;
        c.toImageButtonOptions = Object.assign({}, c.toImageButtonOptions, { format: "png", scale: 1,
                                                                                 filename: fileName(layout) }, SIZE);
        const svg = { name: "toSVG", title: text("image.svg"), icon: ICON, click: (gd) => download(gd, "svg") };
        c.modeBarButtonsToAdd = (c.modeBarButtonsToAdd || []).filter((b) => b.name !== "toSVG").concat([svg]);
        return c;
    }

    ["newPlot", "react"].forEach(function (name) {
        const original = Plotly[name];
        Plotly[name] = function (gd, data, layout, options) {
            if (data && !Array.isArray(data) && typeof data === "object") {  // react(gd, {data, layout, config, frames})
                return original.call(this, gd, Object.assign({}, data, { config: withButtons(data.config, data.layout) }));
            }
            return original.call(this, gd, data, layout, withButtons(options, layout));
        };
    });
})();
