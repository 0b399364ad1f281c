// An embedded chart (dashboard/embed.py): draw the figure the page carries, filling its frame.
(function () {
    var figure = JSON.parse(document.getElementById("embed-figure").textContent);
    var config = JSON.parse(document.getElementById("embed-config").textContent);
    var layout = figure.layout || {};
    delete layout.width;
    delete layout.height;
    layout.autosize = true;
    var gd = document.getElementById("embed-chart");

    // The tile map's tiles are markers of a size in pixels, made for the page's panel; in a frame
    // of another size they are sized to the grid's pitch, and their labels with them.
    function fitTiles() {
        var full = gd._fullLayout;
        if (!full || !full.yaxis || !full.yaxis.range) return;
        figure.data.forEach(function (trace, i) {
            if (!trace.marker || trace.marker.symbol !== "square" || trace.mode !== "markers+text") return;
            var range = full.yaxis.range, pitch = full.yaxis._length / Math.abs(range[1] - range[0]);
            window.Plotly.restyle(gd, {"marker.size": 0.92 * pitch, "textfont.size": Math.max(7, Math.min(12, 0.3 * pitch))}, [i]);
        });
    }
    window.Plotly.newPlot(gd, figure.data || [], layout, config).then(function () {
        fitTiles();
        gd.on("plotly_afterplot", function () {
            var trace = gd.data[0];
            var full = gd._fullLayout;
            if (trace && trace.marker && full && full.yaxis && full.yaxis._length) {
                var range = full.yaxis.range, pitch = full.yaxis._length / Math.abs(range[1] - range[0]);
                if (trace.marker.size && Math.abs(trace.marker.size - 0.92 * pitch) > 1) fitTiles();
            }
        });
    });
})();
