// The timeline page: the list and the map of GET /api/timeline, kept current by the SSE stream,
// with filters in the URL and an event's sources and revisions on demand.
import {
  EVENT_TYPES, typeInfo, compareEvents, groupKey, insertionIndex, formatEventDate, formatGroupHeading,
  formatInstant, formatFigures, findTerms,
} from "./timeline-format.js";
import { el, externalLink, markedText } from "./dom.js";
import { TimelineMap } from "./timeline-map.js";
import { installWatchControls } from "./watch-controls.js";

const FILTERS = ["q", "from", "to", "type", "place", "entity", "status"];
const PAGE_SIZE = 1000; // the most GET /api/timeline gives in one page
const MAX_EVENTS = 5000;
const startedAt = performance.now();

const state = {
  filters: {},
  events: new Map(), // id -> TimelineEvent
  sorted: [], // events in timeline order
  items: new Map(), // id -> li
  groups: new Map(), // group key -> { section, list }
  groupKeys: [], // sorted group keys
  selectedId: null,
  sequence: 0,
  stream: null,
  generation: 0, // bumps on every reload so a late answer of an older load is ignored
};

let map = null;
let refreshViewActions = () => {};

// ---------- filters in the URL ----------

function filtersFromUrl() {
  const q = new URLSearchParams(location.search);
  const f = {};
  for (const k of FILTERS) {
    const v = q.get(k);
    if (v) f[k] = v;
  }
  return f;
}

function filterQuery(filters) {
  const q = new URLSearchParams();
  for (const k of FILTERS) if (filters[k]) q.set(k, filters[k]);
  return q;
}

function fillForm(filters) {
  const form = document.getElementById("filters");
  for (const k of FILTERS) form.elements[k].value = filters[k] || "";
}

function readForm() {
  const form = document.getElementById("filters");
  const f = {};
  for (const k of FILTERS) {
    const v = form.elements[k].value.trim();
    if (v) f[k] = v;
  }
  return f;
}

function applyFilters(filters, push) {
  state.filters = filters;
  refreshViewActions();
  const q = filterQuery(filters).toString();
  const url = q ? `${location.pathname}?${q}` : location.pathname;
  if (push) history.pushState(null, "", url);
  load();
}

// ---------- loading and the live stream ----------

async function load() {
  const generation = ++state.generation;
  closeStream();
  clearAll();
  setConnection("loading", "loading…");
  let cursor = null;
  let sequence = 0;
  const received = [];
  try {
    do {
      const q = filterQuery(state.filters);
      q.set("limit", String(PAGE_SIZE));
      if (cursor) q.set("cursor", cursor);
      const res = await fetch(`/api/timeline?${q}`, { headers: { Accept: "application/json" } });
      if (!res.ok) throw new Error(`the timeline answered ${res.status}`);
      const page = await res.json();
      if (generation !== state.generation) return;
      received.push(...(page.items || []));
      if (!cursor) sequence = page.sequence || 0;
      cursor = page.nextCursor;
    } while (cursor && received.length < MAX_EVENTS);
  } catch (e) {
    if (generation !== state.generation) return;
    setConnection("offline", `offline — ${e.message}; retrying`);
    setTimeout(() => generation === state.generation && load(), 3000);
    return;
  }
  const fetchedAt = performance.now();
  renderAll(received);
  state.sequence = sequence;
  openStream(sequence);
  if (!document.body.dataset.renderMs) {
    // What the browser test reports: milliseconds from the start of navigation (performance's
    // time origin) to the first frame painted with the filled list and map (a callback after the
    // next animation frame runs once style, layout and paint are done), and to the data's arrival.
    document.body.dataset.fetchMs = String(Math.round(fetchedAt));
    document.body.dataset.scriptStartMs = String(Math.round(startedAt));
    await new Promise((painted) => requestAnimationFrame(() => setTimeout(painted, 0)));
    document.body.dataset.renderMs = String(Math.round(performance.now()));
  }
  document.body.dataset.loaded = "true";
}

function openStream(since) {
  closeStream();
  const q = filterQuery(state.filters);
  q.set("since", String(since));
  const source = new EventSource(`/api/timeline/stream?${q}`);
  state.stream = source;
  source.onopen = () => setConnection("live", "live");
  source.onerror = () => {
    if (source !== state.stream) return;
    if (source.readyState === EventSource.CLOSED) {
      // The browser gave up (e.g. the server answered with an error): come back by ourselves.
      setConnection("offline", "offline — reconnecting…");
      setTimeout(() => source === state.stream && openStream(state.sequence), 3000);
    } else {
      // EventSource reconnects by itself and sends Last-Event-ID, so nothing is missed.
      setConnection("offline", "offline — reconnecting…");
    }
  };
  const onChange = (kind) => (msg) => {
    const ev = JSON.parse(msg.data);
    noteSequence(msg.lastEventId);
    later(() => upsert(ev, kind));
  };
  source.addEventListener("created", onChange("created"));
  source.addEventListener("updated", onChange("updated"));
  source.addEventListener("removed", (msg) => {
    const data = JSON.parse(msg.data);
    noteSequence(msg.lastEventId);
    later(() => removeEvent(data.id));
  });
  source.addEventListener("overflow", (msg) => {
    // The server dropped us for being slow; it says where to pick up.
    const data = JSON.parse(msg.data);
    const resumeFrom = Number(data.resumeFrom ?? state.sequence);
    setConnection("offline", "catching up…");
    openStream(resumeFrom);
  });
}

// Live changes are applied once per frame, not once per message: a burst of a thousand (a replay
// after a long disconnection) then costs one map fit and one summary instead of a thousand.
const pending = [];
const fresh = []; // elements highlighted by the batch being applied
let flushing = false;

function later(change) {
  pending.push(change);
  if (flushing) return;
  flushing = true;
  const flush = () => {
    flushing = false;
    for (const change of pending.splice(0)) change();
    map?.follow();
    updateSummary();
    // One timer per batch ends the highlight of everything the batch brought.
    const lit = fresh.splice(0);
    if (lit.length) setTimeout(() => lit.forEach((node) => node.classList.remove("fresh")), 4000);
  };
  // A hidden tab gets no animation frames; it still keeps up, just less often.
  if (document.hidden) setTimeout(flush, 250);
  else requestAnimationFrame(flush);
}

function noteSequence(id) {
  const n = Number(id);
  if (Number.isFinite(n) && n > state.sequence) state.sequence = n;
}

function closeStream() {
  if (state.stream) state.stream.close();
  state.stream = null;
}

function setConnection(kind, text) {
  const box = document.getElementById("connection");
  box.dataset.state = kind;
  box.textContent = text;
}

// A browser allows only six connections to one server over HTTP/1.1, and a page kept in the
// back-forward cache would hold its stream open: close it when the page is left, resume on return.
window.addEventListener("pagehide", () => closeStream());
window.addEventListener("pageshow", (e) => {
  if (e.persisted && !state.stream && document.body.dataset.loaded === "true") openStream(state.sequence);
});

// When the machine loses its network the stream is closed at once rather than left to time out,
// and when it is back the page asks for everything after the last sequence it saw.
window.addEventListener("offline", () => {
  if (!state.stream) return;
  closeStream();
  setConnection("offline", "offline — no network");
});
window.addEventListener("online", () => {
  if (state.stream || document.body.dataset.loaded !== "true") return;
  setConnection("offline", "back online — catching up…");
  openStream(state.sequence);
});

// ---------- the list ----------

function clearAll() {
  pending.length = 0;
  fresh.length = 0;
  state.events.clear();
  state.sorted = [];
  state.items.clear();
  state.groups.clear();
  state.groupKeys = [];
  document.getElementById("timeline").replaceChildren();
  map?.clear();
  closeDetail();
  updateSummary();
}

function renderAll(events) {
  events.sort(compareEvents);
  const container = document.getElementById("timeline");
  const frag = document.createDocumentFragment();
  let group = null;
  for (const ev of events) {
    if (state.events.has(ev.id)) continue;
    state.events.set(ev.id, ev);
    state.sorted.push(ev);
    const key = groupKey(ev);
    if (!group || group.key !== key) {
      group = makeGroup(ev, key);
      state.groups.set(key, group);
      state.groupKeys.push(key);
      frag.append(group.section);
    }
    const li = renderItem(ev);
    state.items.set(ev.id, li);
    group.list.append(li);
    map?.upsert(ev);
  }
  container.append(frag);
  map?.follow();
  updateSummary();
}

function makeGroup(ev, key) {
  const section = el("section", "day");
  section.dataset.group = key;
  section.append(el("h2", "day-heading", formatGroupHeading(ev)));
  const list = el("ol", "events");
  section.append(list);
  return { key, section, list };
}

function renderItem(ev) {
  const info = typeInfo(ev.type);
  const li = el("li", "event");
  li.dataset.eventId = ev.id;
  li.dataset.status = ev.status || "";
  li.dataset.type = ev.type || "";
  li.tabIndex = 0;
  li.style.setProperty("--type-color", info.color);
  if (ev.id === state.selectedId) li.classList.add("selected");

  const icon = el("span", "type-icon", info.icon);
  icon.title = info.label;
  icon.setAttribute("aria-hidden", "true");
  li.append(icon);

  const body = el("div", "event-body");
  const title = ev.title || `${info.label}${ev.location?.name ? ` in ${ev.location.name}` : ""}`;
  body.append(el("div", "event-title", title));
  const meta = el("div", "event-meta");
  // Generated titles already name the type; an article's own title does not.
  if (!title.startsWith(info.label)) meta.append(el("span", "type-label", info.label));
  meta.append(el("span", "place", placeText(ev)));
  meta.append(el("span", `date precision-${ev.datePrecision || "day"}`, formatEventDate(ev.date, ev.dateEnd, ev.datePrecision)));
  body.append(meta);
  const facts = el("div", "event-facts");
  const figures = formatFigures(ev);
  if (figures) facts.append(el("span", "figures", figures));
  facts.append(el("span", `status status-${ev.status || "unknown"}`, ev.status || "status unknown"));
  const n = ev.sourceCount || ev.sources?.length || 0;
  facts.append(el("span", "sources", `${n} source${n === 1 ? "" : "s"}`));
  body.append(facts);
  li.append(body);
  return li;
}

function placeText(ev) {
  const loc = ev.location;
  if (!loc || !loc.name) return "place unknown";
  const approx = { near: "near ", region: "region of ", country: "somewhere in " }[loc.precision] || "";
  const unplaced = Number.isFinite(loc.lat) ? "" : " (not on map)";
  return `${approx}${loc.name}${loc.countryCode ? `, ${loc.countryCode}` : ""}${unplaced}`;
}

/** Puts ev at its place in the timeline order, replacing an older revision of it. */
function upsert(ev, kind) {
  if (!ev || !ev.id) return;
  const old = state.events.get(ev.id);
  if (old && old.sequence != null && ev.sequence != null && ev.sequence < old.sequence) return;
  if (old) detach(old);
  state.events.set(ev.id, ev);
  const i = insertionIndex(state.sorted, ev);
  state.sorted.splice(i, 0, ev);

  const key = groupKey(ev);
  let group = state.groups.get(key);
  if (!group) {
    group = makeGroup(ev, key);
    const gi = lowerBound(state.groupKeys, key);
    const before = state.groupKeys[gi];
    state.groupKeys.splice(gi, 0, key);
    state.groups.set(key, group);
    document.getElementById("timeline").insertBefore(group.section, before ? state.groups.get(before).section : null);
  }
  const li = renderItem(ev);
  const next = state.sorted[i + 1];
  const nextLi = next && groupKey(next) === key ? state.items.get(next.id) : null;
  group.list.insertBefore(li, nextLi);
  state.items.set(ev.id, li);
  li.classList.add("fresh");
  li.dataset.change = kind;
  fresh.push(li);

  const path = map?.upsert(ev, { fresh: true });
  if (path) fresh.push(path);
  if (state.selectedId === ev.id) {
    li.classList.add("selected");
    map?.select(ev.id, false);
    if (!document.getElementById("detail").hidden) openDetail(ev.id);
  }
}

function detach(ev) {
  const i = state.sorted.findIndex((x) => x.id === ev.id);
  if (i >= 0) state.sorted.splice(i, 1);
  const li = state.items.get(ev.id);
  if (li) li.remove();
  state.items.delete(ev.id);
  const key = groupKey(ev);
  const group = state.groups.get(key);
  if (group && group.list.childElementCount === 0) {
    group.section.remove();
    state.groups.delete(key);
    state.groupKeys.splice(state.groupKeys.indexOf(key), 1);
  }
}

function removeEvent(id) {
  const ev = state.events.get(id);
  if (!ev) return;
  detach(ev);
  state.events.delete(id);
  map?.remove(id);
  if (state.selectedId === id) closeDetail();
}

function lowerBound(keys, key) {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function updateSummary() {
  const n = state.events.size;
  const active = FILTERS.filter((k) => state.filters[k]).map((k) => `${k}: ${state.filters[k]}`);
  document.getElementById("summary").textContent =
    `${n} event${n === 1 ? "" : "s"}${active.length ? ` matching ${active.join(", ")}` : ""}`;
  document.getElementById("empty").hidden = n > 0;
}

// ---------- selection and detail ----------

function select(id, from) {
  if (state.selectedId) state.items.get(state.selectedId)?.classList.remove("selected");
  state.selectedId = id;
  const li = state.items.get(id);
  if (li) {
    li.classList.add("selected");
    if (from === "map") li.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }
  map?.select(id, from === "list");
  openDetail(id);
}

async function openDetail(id) {
  const panel = document.getElementById("detail");
  const body = document.getElementById("detail-body");
  panel.hidden = false;
  panel.dataset.eventId = id;
  const known = state.events.get(id);
  if (known) body.replaceChildren(renderDetail(known, null));
  try {
    const res = await fetch(`/api/events/${encodeURIComponent(id)}`, { headers: { Accept: "application/json" } });
    if (!res.ok) throw new Error(`${res.status}`);
    const full = await res.json();
    if (panel.dataset.eventId !== id) return;
    body.replaceChildren(renderDetail(full, full.revisions || []));
    panel.dataset.loaded = "true";
  } catch (e) {
    if (panel.dataset.eventId === id) body.append(el("p", "error", `Could not load the full record (${e.message}).`));
  }
}

function closeDetail() {
  const panel = document.getElementById("detail");
  panel.hidden = true;
  delete panel.dataset.eventId;
  delete panel.dataset.loaded;
}

function renderDetail(ev, revisions) {
  const info = typeInfo(ev.type);
  const frag = document.createDocumentFragment();
  const head = el("header", "detail-head");
  head.style.setProperty("--type-color", info.color);
  head.append(el("span", "type-icon", info.icon));
  head.append(el("h2", "detail-title", ev.title || info.label));
  frag.append(head);

  const facts = el("dl", "detail-facts");
  const fact = (k, v) => {
    if (v == null || v === "") return;
    facts.append(el("dt", null, k), el("dd", null, v));
  };
  fact("Type", ev.subtype ? `${info.label} (${ev.subtype})` : info.label);
  fact("When", `${formatEventDate(ev.date, ev.dateEnd, ev.datePrecision)} (${ev.datePrecision || "day"} precision)`);
  fact("Where", placeText(ev) + (ev.location?.precision ? ` — place ${ev.location.precision}` : ""));
  fact("Figures", formatFigures(ev) || "none given");
  fact("Status", ev.status);
  fact("Involved", (ev.entities || []).join(", "));
  fact("First seen", ev.firstSeen ? formatInstant(ev.firstSeen) : null);
  fact("Revision", ev.revision != null ? `${ev.revision}${ev.updatedAt ? `, ${formatInstant(ev.updatedAt)}` : ""}` : null);
  frag.append(facts);

  const sources = ev.sources || [];
  frag.append(el("h3", null, `Sources (${sources.length})`));
  const figuresDiffer = new Set(sources.map((s) => formatFigures(s))).size > 1;
  const list = el("ol", "source-list");
  for (const s of sources) {
    const li = el("li", "source");
    const line = el("div", "source-head");
    line.append(el("strong", "outlet", s.source || "unnamed outlet"));
    line.append(el("span", "time", formatInstant(s.publishedAt)));
    if (s.url) line.append(externalLink(s.url, "article"));
    li.append(line);
    if (s.title) li.append(sourceTitle(s));
    if (s.attribution?.source || s.attribution?.hedged) {
      const who = s.attribution.source ? `according to ${s.attribution.source}` : "";
      li.append(el("div", "attribution", [who, s.attribution.hedged ? "hedged" : ""].filter(Boolean).join(", ")));
    }
    if (s.evidence) {
      const q = el("blockquote", "evidence");
      q.append(markedText(s.evidence, findTerms(s.evidence, evidenceTerms(ev, s))));
      li.append(q);
    }
    if (figuresDiffer) li.append(el("div", "source-figures", formatFigures(s) || "no figures in this report"));
    list.append(li);
  }
  frag.append(list);

  if (revisions) {
    frag.append(el("h3", null, `Revisions (${revisions.length})`));
    const rl = el("ol", "revision-list");
    for (const r of revisions) rl.append(renderRevision(r));
    frag.append(rl);
  }
  return frag;
}

// A source's headline as its outlet wrote it, in its own language: marked with the language (lang for
// screen readers and fonts, a visible code when it is not English) so a reader knows what they look at.
function sourceTitle(s) {
  const line = el("div", "source-title");
  const title = el("span", "title-text", s.title);
  const code = /^[a-z]{2,3}$/.test(s.language || "") ? s.language : null;
  if (code) title.lang = code;
  line.append(title);
  if (code && code !== "en") {
    const mark = el("abbr", "language", code.toUpperCase());
    mark.title = languageName(code);
    line.append(mark);
  }
  return line;
}

function languageName(code) {
  try {
    return new Intl.DisplayNames(["en"], { type: "language" }).of(code) || code;
  } catch {
    return code;
  }
}

// The words that tied this sentence to the event: its place, the people and organisations in it,
// its kind, and the figures this report gives.
function evidenceTerms(ev, s) {
  const terms = [ev.location?.name, ev.subtype, ...(ev.entities || [])];
  for (const n of [s.killed, s.injured, s.casualties]) if (n != null) terms.push(String(n));
  for (const m of s.matched || []) terms.push(typeof m === "string" ? m : null);
  return terms.filter(Boolean);
}

// A revision says what changed in readable lines ({revision, sequence, at, changes}); any other
// field a later server adds is shown as name and value, all as text.
function renderRevision(r) {
  const li = el("li", "revision");
  if (typeof r !== "object" || r === null) {
    li.textContent = String(r);
    return li;
  }
  const when = r.at || r.updatedAt;
  li.append(el("div", "revision-head", `Revision ${r.revision ?? "?"}${when ? ` — ${formatInstant(when)}` : ""}`));
  const changes = Array.isArray(r.changes) ? r.changes : [];
  if (changes.length) {
    const ul = el("ul", "revision-changes");
    for (const c of changes) ul.append(el("li", null, typeof c === "string" ? c : JSON.stringify(c)));
    li.append(ul);
  }
  const skip = new Set(["revision", "sequence", "at", "updatedAt", "changes"]);
  const extra = Object.entries(r).filter(([k, v]) => !skip.has(k) && v != null);
  if (extra.length) {
    const dl = el("dl", "revision-fields");
    for (const [k, v] of extra) dl.append(el("dt", null, k), el("dd", null, typeof v === "object" ? JSON.stringify(v) : String(v)));
    li.append(dl);
  }
  return li;
}

// ---------- start ----------

async function pageConfig() {
  try {
    const res = await fetch("/api/page-config");
    return res.ok ? await res.json() : {};
  } catch {
    return {};
  }
}

function wireUi() {
  const typeSelect = document.getElementById("filters").elements.type;
  for (const [value, info] of Object.entries(EVENT_TYPES)) {
    const o = el("option", null, `${info.icon} ${info.label}`);
    o.value = value;
    typeSelect.append(o);
  }
  document.getElementById("filters").addEventListener("submit", (e) => {
    e.preventDefault();
    applyFilters(readForm(), true);
  });
  document.getElementById("filters").addEventListener("change", (e) => {
    if (e.target.tagName === "SELECT" || e.target.type === "date") applyFilters(readForm(), true);
  });
  document.getElementById("clear-filters").addEventListener("click", () => {
    fillForm({});
    applyFilters({}, true);
  });
  window.addEventListener("popstate", () => {
    state.filters = filtersFromUrl();
    refreshViewActions();
    fillForm(state.filters);
    load();
  });
  const timeline = document.getElementById("timeline");
  timeline.addEventListener("click", (e) => {
    const li = e.target.closest("li.event");
    if (li) select(li.dataset.eventId, "list");
  });
  timeline.addEventListener("keydown", (e) => {
    const li = e.target.closest("li.event");
    if (li && (e.key === "Enter" || e.key === " ")) {
      e.preventDefault();
      select(li.dataset.eventId, "list");
    }
  });
  document.getElementById("detail-close").addEventListener("click", closeDetail);
  document.addEventListener("keydown", (e) => e.key === "Escape" && closeDetail());
}

async function start() {
  // A read token given once as ?access_token= is now in an HttpOnly cookie (the server set it when it
  // served this page); keep it out of the address bar so a shared view does not share the token.
  const q = new URLSearchParams(location.search);
  if (q.has("access_token")) {
    q.delete("access_token");
    history.replaceState(null, "", q.toString() ? `${location.pathname}?${q}` : location.pathname);
  }
  state.filters = filtersFromUrl();
  // Ask for the data first: the server answers while the page sets up its controls and map.
  const first = load();
  wireUi();
  refreshViewActions = installWatchControls(() => state.filters);
  fillForm(state.filters);
  try {
    map = new TimelineMap(document.getElementById("map"), { onSelect: (id, from) => select(id, from) });
  } catch (e) {
    // The list stays useful without the map (e.g. if Leaflet failed to load).
    document.getElementById("map").textContent = `The map could not start: ${e.message}`;
  }
  // Tiles are optional and only add to the bundled basemap, so the list does not wait for them.
  pageConfig().then((config) => map?.useTiles(config.tileUrl, config.tileAttribution));
  await first;
  // The boundaries are a backdrop: drawn once the events are on screen, not before.
  await map?.loadBasemap();
  document.body.dataset.basemapMs = String(Math.round(performance.now()));
}

start();
