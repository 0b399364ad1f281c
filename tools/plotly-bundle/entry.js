// The plotly.js the dashboard serves: the core (scatter, axes, legend, hover, modebar, shapes,
// annotations, frames and animation) plus the only other trace types dashboard/figures.py draws.
// Add a trace type here when a figure starts using one, then run `make plotly-bundle`.
var Plotly = require('plotly.js/lib/core');

Plotly.register([
    require('plotly.js/lib/bar'),
    require('plotly.js/lib/scatterpolar'),
]);

module.exports = Plotly;
