#!/bin/sh
# Build the partial plotly.js bundle: tools/plotly-bundle/build.sh VERSION OUTFILE
# Installs the npm package plotly.js@VERSION (the version Dash's plotly package serves) and esbuild in
# a temporary folder, bundles entry.js with plotly.js's own esbuild settings (an IIFE exposing the
# global Plotly, es2016), minified, with plotly.js's MIT licence as the header. Only `make
# plotly-bundle` needs node and npm; the built file is committed in dashboard/assets/.
set -eu
version=$1
out=$(realpath "$2")
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$here/entry.js" "$tmp/"
cd "$tmp"
npm init -y >/dev/null
npm install --silent --no-audit --no-fund --ignore-scripts --engine-strict=false \
    "plotly.js@$version" esbuild@0.28.2
# the header: plotly.js's version and its licence file, as a comment
{
    printf '/*! plotly.js v%s, partial bundle: core (scatter) + bar + scatterpolar.\n' "$version"
    printf ' * Built by `make plotly-bundle` (tools/plotly-bundle/) from the npm package plotly.js@%s.\n *\n' "$version"
    sed 's/^/ * /; s/ *$//' node_modules/plotly.js/LICENSE
    printf ' */\n'
} > banner.txt
# The CSS loader is empty: the only CSS plotly.js requires is maplibre-gl's, for map traces, which
# this bundle does not register (plotly.js's own CSS is JavaScript, build/plotcss.js).
npx --no-install esbuild entry.js --bundle --minify --format=iife --global-name=Plotly \
    --target=es2016 --define:global=window --define:define.amd=false \
    --define:process.env.NODE_DEBUG=false --loader:.css=empty --legal-comments=none \
    --log-level=warning --outfile=bundle.js
# Offline: no address on the internet in what the browser runs. The two defaults that would be
# fetched are emptied (plotlyServerURL, the "send to cloud" target, off in our toolbar anyway; and
# topojsonURL, for geo traces, which this bundle does not register), and the documentation links in
# plotly.js's messages lose their scheme. The w3.org XML namespaces stay: they are names, not fetched.
sed -E -i 's#"https://cloud\.plotly\.com/newchart"#""#; s#"https://cdn\.plot\.ly/un/"#"topojson/"#;
    s#https://((www\.)?plotly\.com|github\.com|developer\.mozilla\.org|www\.w3\.org/TR)#\1#g' bundle.js
cat banner.txt bundle.js > "$out"
echo "wrote $out ($(wc -c < "$out") bytes)"
