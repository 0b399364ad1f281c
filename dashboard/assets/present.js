// The presentation deck (/present): slides, keyboard and clicker, auto-advance, full screen and
// the winner's reveal, all in the browser so nothing waits on the network.
(function () {
    let index = 0;
    let timer = null;
    let paused = false;
    let current = null; // the deck element we are driving

    const deck = () => document.getElementById("present-deck");
    const slides = () => Array.from(document.querySelectorAll("#present-deck .slide"));

    function animateScatter(slide) {
        const gd = slide.querySelector(".js-plotly-plot");
        if (!gd || !window.Plotly || !gd._transitionData) return;
        const names = (gd._transitionData._frames || []).map((f) => f.name);
        if (names.length) {
            window.Plotly.animate(gd, names, {
                mode: "immediate", frame: { duration: 900, redraw: false }, transition: { duration: 600 },
            });
        }
    }

    // Chart fonts are set for 1920 × 1080; on a smaller screen scale them (and the margins) down,
    // as the slide's own text already scales with the width.
    function fit(gd) {
        if (!window.Plotly || !gd.layout) return;
        const k = Math.min(window.innerWidth / 1920, window.innerHeight / 1080);
        if (!gd._presentBase) gd._presentBase = JSON.parse(JSON.stringify({ layout: gd.layout, data: gd.data }));
        const base = gd._presentBase.layout;
        const look = (base.template && base.template.layout) || {}; // sizes the figure leaves to its template
        const size = (obj, preset) => (obj && obj.font && obj.font.size) || (preset && preset.font && preset.font.size) || null;
        const update = {};
        if (size(base, look)) update["font.size"] = size(base, look) * k;
        const title = base.title || {}, lookTitle = look.title || {};
        if (base.title && size(title, lookTitle)) update["title.font.size"] = size(title, lookTitle) * k;
        if (title.subtitle && size(title.subtitle, lookTitle.subtitle)) {
            update["title.subtitle.font.size"] = size(title.subtitle, lookTitle.subtitle) * k;
        }
        Object.keys(base).filter((key) => /^[xy]axis/.test(key)).forEach((ax) => {
            const tick = (base[ax].tickfont && base[ax].tickfont.size) || ((look[ax.slice(0, 5)] || {}).tickfont || {}).size;
            if (tick) update[ax + ".tickfont.size"] = tick * k;
        });
        (base.annotations || []).forEach((a, n) => { if (size(a)) update["annotations[" + n + "].font.size"] = size(a) * k; });
        ["l", "r", "t", "b"].forEach((m) => { if (base.margin && base.margin[m]) update["margin." + m] = base.margin[m] * k; });
        window.Plotly.relayout(gd, update);
        const textSizes = gd._presentBase.data.map((tr) => (tr.textfont && tr.textfont.size ? tr.textfont.size * k : null));
        if (textSizes.some((v) => v)) window.Plotly.restyle(gd, { "textfont.size": textSizes });
    }

    function show(i) {
        const all = slides();
        if (!all.length) return;
        index = ((i % all.length) + all.length) % all.length;
        all.forEach((s, k) => {
            s.classList.toggle("active", k === index);
            s.setAttribute("aria-hidden", k === index ? "false" : "true");
        });
        const bar = document.getElementById("present-progress");
        if (bar) bar.style.width = ((index + 1) / all.length) * 100 + "%";
        const active = all[index];
        active.querySelectorAll(".js-plotly-plot").forEach((gd) => {
            if (!window.Plotly) return;
            fit(gd);
            window.Plotly.Plots.resize(gd);
        });
        if (active.dataset.slide === "scatter") setTimeout(() => animateScatter(active), 300);
        restart();
    }

    function restart() {
        if (timer) clearInterval(timer);
        timer = null;
        const d = deck();
        const seconds = d ? parseInt(d.dataset.auto || "0", 10) : 0;
        if (seconds > 0 && !paused) timer = setInterval(() => (deck() ? show(index + 1) : clearInterval(timer)), seconds * 1000);
    }

    function togglePause() {
        paused = !paused;
        const d = deck();
        if (d) d.classList.toggle("paused", paused);
        restart();
    }

    function toggleFullscreen() {
        if (document.fullscreenElement) document.exitFullscreen();
        else document.documentElement.requestFullscreen().catch(() => {});
    }

    function reveal() {
        if (window.dash_clientside && window.dash_clientside.set_props) {
            window.dash_clientside.set_props("present-reveal", { data: Date.now() });
        }
    }

    document.addEventListener("keydown", function (e) {
        if (!deck() || e.altKey || e.ctrlKey || e.metaKey) return;
        const keys = {
            ArrowRight: () => show(index + 1), PageDown: () => show(index + 1), " ": () => show(index + 1),
            ArrowLeft: () => show(index - 1), PageUp: () => show(index - 1), Home: () => show(0),
            End: () => show(slides().length - 1), f: toggleFullscreen, F: toggleFullscreen,
            p: togglePause, P: togglePause, r: reveal, R: reveal,
        };
        if (keys[e.key]) {
            e.preventDefault();
            keys[e.key]();
        }
    });

    // Start when Dash draws the deck (and again if it is drawn anew, say in another language).
    new MutationObserver(function () {
        const d = deck();
        if (d && d !== current) {
            current = d;
            paused = false;
            show(0);
            d.focus();
        } else if (!d && current) {
            current = null;
            if (timer) clearInterval(timer);
        }
    }).observe(document.documentElement, { childList: true, subtree: true });

    window.addEventListener("resize", () => {
        const active = slides()[index];
        if (active) active.querySelectorAll(".js-plotly-plot").forEach((gd) => {
            if (window.Plotly) { fit(gd); window.Plotly.Plots.resize(gd); }
        });
    });
})();
