// The presentation deck (/present): slides, keyboard and clicker, auto-advance, full screen, the
// winners' reveal (one prize per R) and the host's hints (shown only while the mouse moves), all in
// the browser so nothing waits on the network.
(function () {
    let index = 0;
    let timer = null;
    let paused = false;
    let current = null; // the deck element we are driving
    let revealed = 0; // prizes revealed so far
    let hintTimer = null;
    const HINT_MS = 3000; // how long the hints stay after the mouse stops

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

    // Chart fonts are set for 1920 × 1080; on a smaller screen scale them (and the margins, the
    // slider's and buttons' text and the bubbles) down, as the slide's own text already scales with
    // the width. Each chart is fitted once per screen size, as soon as plotly has drawn it (see
    // hook), whichever slide it is on: a chart on the first slide, or on a slide reached before it
    // was drawn, is fitted too. The animation's frames are fitted with it, or each frame would
    // bring back the 1920 sizes.
    const scale = () => Math.min(window.innerWidth / 1920, window.innerHeight / 1080);

    function fit(gd) {
        if (!window.Plotly || !gd.layout || !gd._fullLayout) return;
        const k = scale();
        if (gd._presentK === k) return;
        gd._presentK = k;
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
            const preset = look[ax.slice(0, 5)] || {};
            const title = typeof base[ax].title === "object" ? base[ax].title : null;
            const titleSize = size(title, preset.title);
            if (title && titleSize) update[ax + ".title.font.size"] = titleSize * k;
            if (title && title.standoff) update[ax + ".title.standoff"] = title.standoff * k;
        });
        (base.annotations || []).forEach((a, n) => { if (size(a)) update["annotations[" + n + "].font.size"] = size(a) * k; });
        ["l", "r", "t", "b"].forEach((m) => { if (base.margin && base.margin[m]) update["margin." + m] = base.margin[m] * k; });
        ["sliders", "updatemenus"].forEach((kind) => (base[kind] || []).forEach((c, n) => {
            const at = kind + "[" + n + "].";
            if (size(c)) update[at + "font.size"] = size(c) * k;
            if (c.currentvalue && size(c.currentvalue)) update[at + "currentvalue.font.size"] = size(c.currentvalue) * k;
            if (c.pad && c.pad.t) update[at + "pad.t"] = c.pad.t * k;
        }));
        window.Plotly.relayout(gd, update);
        // a trace's text and bubbles: the size of its text, and its bubbles' (sized by area)
        const sized = (tr) => ({
            "textfont.size": tr.textfont && tr.textfont.size ? tr.textfont.size * k : null,
            "marker.sizeref": tr.marker && tr.marker.sizeref ? tr.marker.sizeref / (k * k) : null,
            "marker.sizemin": tr.marker && tr.marker.sizemin ? tr.marker.sizemin * k : null,
        });
        const traces = gd._presentBase.data.map(sized);
        const restyle = {};
        ["textfont.size", "marker.sizeref", "marker.sizemin"].forEach((attr) => {
            if (traces.some((tr) => tr[attr])) restyle[attr] = traces.map((tr) => tr[attr]);
        });
        if (Object.keys(restyle).length) window.Plotly.restyle(gd, restyle);
        const frames = (gd._transitionData && gd._transitionData._frames) || [];
        if (!gd._presentFrames) gd._presentFrames = JSON.parse(JSON.stringify(frames.map((f) => f.data || [])));
        frames.forEach((f, n) => (f.data || []).forEach((tr, j) => {
            const want = sized(gd._presentFrames[n][j] || {});
            if (want["textfont.size"]) tr.textfont.size = want["textfont.size"];
            if (want["marker.sizeref"]) tr.marker.sizeref = want["marker.sizeref"];
            if (want["marker.sizemin"]) tr.marker.sizemin = want["marker.sizemin"];
        }));
    }

    // Fit each chart as soon as plotly has drawn it (and again after any redraw at a new size).
    function hook(gd) {
        if (gd._presentHooked || !gd.on || !gd._fullLayout) return;
        gd._presentHooked = true;
        gd.on("plotly_afterplot", () => fit(gd));
        fit(gd);
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
            // drawn in advance at its size (every slide is laid out): redrawn only if the window changed
            const full = gd._fullLayout;
            if (!full || Math.abs(full.width - gd.clientWidth) > 1.5 || Math.abs(full.height - gd.clientHeight) > 1.5) {
                window.Plotly.Plots.resize(gd);
            }
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

    // R on the winner slide reveals the next prize (the server knows the order); elsewhere it does
    // nothing, so a press too early gives nothing away to the hall.
    function reveal() {
        const active = slides()[index], d = deck();
        if (!active || active.dataset.slide !== "winner" || !d) return;
        const prizes = parseInt(d.dataset.prizes || "2", 10);
        if (revealed >= prizes) return;
        revealed += 1;
        if (window.dash_clientside && window.dash_clientside.set_props) {
            window.dash_clientside.set_props("present-reveal", { data: revealed });
        }
    }

    // The host's hints (keys, "press R") show while the mouse moves and hide 3 s after it stops;
    // the hall never sees them while the host only clicks through.
    function showHints() {
        const d = deck();
        if (!d) return;
        d.classList.add("hints");
        if (hintTimer) clearTimeout(hintTimer);
        hintTimer = setTimeout(() => { const e = deck(); if (e) e.classList.remove("hints"); }, HINT_MS);
    }
    document.addEventListener("mousemove", showHints);

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
        if (d) d.querySelectorAll(".js-plotly-plot").forEach(hook);
        if (d && d !== current) {
            current = d;
            paused = false;
            revealed = 0;
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
