// Copies the npm-fetched parts of the timeline page into the folder timeline-service serves
// (its target/classes/META-INF/resources/vendor), so the page needs no CDN at run time.
// Called by timeline-service's Maven build after `npm ci --omit=dev`; the argument is the output folder.
import { copyFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const out = process.argv[2];
if (!out) {
  process.stderr.write("usage: node bundle.mjs OUTPUT_DIR\n");
  process.exit(2);
}
const require = createRequire(import.meta.url);
const files = [
  ["world-atlas/countries-50m.json", "countries-50m.json"],
  ["world-atlas/LICENSE", "world-atlas-LICENSE.txt"],
  ["topojson-client/dist/topojson-client.min.js", "topojson-client.min.js"],
  ["topojson-client/LICENSE", "topojson-client-LICENSE.txt"],
];
mkdirSync(out, { recursive: true });
for (const [from, to] of files) {
  copyFileSync(require.resolve(from), join(out, to));
}
copyFileSync(new URL("./admin1-50m.json", import.meta.url), join(out, "admin1-50m.json"));
