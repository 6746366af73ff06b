// The timeline's order and the honest wording of dates and figures. Pure functions: no DOM, no network.

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const MONTHS_LONG = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
  "October", "November", "December"];
const PRECISION_RANK = { day: 0, month: 1, year: 2 };

/** Icon and colour per event type (ACLED-like types of SPEC.md); symbols are plain text, not images. */
export const EVENT_TYPES = {
  AIR_STRIKE: { label: "Air strike", icon: "✈", color: "#c0392b" },
  MISSILE_STRIKE: { label: "Missile strike", icon: "➶", color: "#e74c3c" },
  DRONE_STRIKE: { label: "Drone strike", icon: "✜", color: "#d35400" },
  SHELLING: { label: "Shelling", icon: "✸", color: "#e67e22" },
  GROUND_ASSAULT: { label: "Ground assault", icon: "⚔", color: "#8e44ad" },
  TERRITORY_CAPTURE: { label: "Territory capture", icon: "⚑", color: "#6c3483" },
  ATTACK_ON_CIVILIANS: { label: "Attack on civilians", icon: "⚠", color: "#a93226" },
  EXPLOSION: { label: "Explosion", icon: "✹", color: "#f39c12" },
  CASUALTY_REPORT: { label: "Casualty report", icon: "✚", color: "#7b241c" },
  PROTEST: { label: "Protest", icon: "⚐", color: "#2471a3" },
  RIOT: { label: "Riot", icon: "♨", color: "#1a5276" },
  DISASTER: { label: "Disaster", icon: "⚡", color: "#117a65" },
  CRIME: { label: "Crime", icon: "⚖", color: "#5d6d7e" },
  DIPLOMACY: { label: "Diplomacy", icon: "☮", color: "#229954" },
  MILITARY_AID: { label: "Military aid", icon: "⚙", color: "#7d6608" },
  DISPLACEMENT: { label: "Displacement", icon: "➜", color: "#a04000" },
  OTHER: { label: "Other", icon: "●", color: "#566573" },
};

export function typeInfo(type) {
  return EVENT_TYPES[type] || EVENT_TYPES.OTHER;
}

/** The first day a date stands for: "2025-07" counts as 2025-07-01, "2025" as 2025-01-01. */
export function firstDay(date) {
  if (!date) return "9999-12-31";
  if (date.length === 4) return `${date}-01-01`;
  if (date.length === 7) return `${date}-01`;
  return date.slice(0, 10);
}

function precisionRank(p) {
  return PRECISION_RANK[p] ?? 3;
}

function cmp(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** SPEC.md's total order: first day, then precision (day, month, year), then firstSeen, then id. */
export function compareEvents(a, b) {
  return cmp(firstDay(a.date), firstDay(b.date))
    || precisionRank(a.datePrecision) - precisionRank(b.datePrecision)
    || cmp(a.firstSeen || "", b.firstSeen || "")
    || cmp(a.id, b.id);
}

/** Events of one group share their first day and precision, so a month-only event never hides in a day. */
export function groupKey(ev) {
  return `${firstDay(ev.date)}|${precisionRank(ev.datePrecision)}`;
}

function parts(date) {
  const [y, m, d] = (date || "").split("-").map((x) => parseInt(x, 10));
  return { y, m, d };
}

function dayText({ y, m, d }, withYear = true) {
  return withYear ? `${d} ${MONTHS[m - 1]} ${y}` : `${d} ${MONTHS[m - 1]}`;
}

/**
 * The date as precisely as it is known and no more: "24 Nov 2025", "17–23 Nov 2025",
 * "28 Nov – 3 Dec 2025", "June 2025", "2025".
 */
export function formatEventDate(date, dateEnd, precision) {
  if (!date) return "date unknown";
  const s = parts(date);
  const p = precision || (date.length === 4 ? "year" : date.length === 7 ? "month" : "day");
  if (p === "year" || !s.m) {
    const e = dateEnd ? parts(dateEnd) : null;
    return e && e.y && e.y !== s.y ? `${s.y}–${e.y}` : `${s.y}`;
  }
  if (p === "month" || !s.d) {
    const e = dateEnd ? parts(dateEnd) : null;
    if (!e || !e.m || (e.y === s.y && e.m === s.m)) return `${MONTHS_LONG[s.m - 1]} ${s.y}`;
    if (e.y === s.y) return `${MONTHS_LONG[s.m - 1]}–${MONTHS_LONG[e.m - 1]} ${s.y}`;
    return `${MONTHS_LONG[s.m - 1]} ${s.y} – ${MONTHS_LONG[e.m - 1]} ${e.y}`;
  }
  if (!dateEnd || dateEnd === date) return dayText(s);
  const e = parts(dateEnd);
  if (!e.d) return dayText(s);
  if (e.y === s.y && e.m === s.m) return `${s.d}–${e.d} ${MONTHS[s.m - 1]} ${s.y}`;
  if (e.y === s.y) return `${dayText(s, false)} – ${dayText(e)}`;
  return `${dayText(s)} – ${dayText(e)}`;
}

/** The heading of a group of the list. */
export function formatGroupHeading(ev) {
  const p = ev.datePrecision || "day";
  if (p === "day") {
    const s = parts(firstDay(ev.date));
    const weekday = new Date(Date.UTC(s.y, s.m - 1, s.d)).toLocaleDateString("en-GB", { weekday: "long", timeZone: "UTC" });
    return `${weekday} ${dayText(s)}`;
  }
  return `${formatEventDate(ev.date, null, p)} (${p} only)`;
}

/** "24 Nov 2025 14:05 UTC" for an ISO instant; the text as given when it does not parse. */
export function formatInstant(iso) {
  if (!iso) return "time unknown";
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return String(iso);
  const pad = (n) => String(n).padStart(2, "0");
  return `${t.getUTCDate()} ${MONTHS[t.getUTCMonth()]} ${t.getUTCFullYear()} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())} UTC`;
}

/** "7 killed · 20 injured", "12 casualties", or "" when the reports give no figure. */
export function formatFigures(x) {
  const out = [];
  if (x.killed != null) out.push(`${x.killed} killed`);
  if (x.injured != null) out.push(`${x.injured} injured`);
  if (x.casualties != null) out.push(`${x.casualties} casualties`);
  return out.join(" · ");
}

/** The toll a marker is sized by; null when the reports give none. */
export function toll(ev) {
  const n = (ev.killed || 0) + (ev.injured || 0) + (ev.casualties || 0);
  return n > 0 ? n : null;
}

/** Index at which ev keeps sorted (ascending by compareEvents) in place. */
export function insertionIndex(sorted, ev) {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareEvents(sorted[mid], ev) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Ranges [start, end) in text where any of the terms occurs (case-insensitive, whole words where
 * the term starts or ends with a letter or digit), merged where they overlap.
 */
export function findTerms(text, terms) {
  const ranges = [];
  const lower = text.toLowerCase();
  const isWordChar = (c) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
  for (const raw of terms) {
    const term = (raw == null ? "" : String(raw)).trim().toLowerCase();
    if (term.length < 2 && !/^\d$/.test(term)) continue;
    let from = 0;
    for (;;) {
      const at = lower.indexOf(term, from);
      if (at < 0) break;
      const end = at + term.length;
      const okStart = !isWordChar(term[0]) || !isWordChar(lower[at - 1]);
      const okEnd = !isWordChar(term[term.length - 1]) || !isWordChar(lower[end]);
      if (okStart && okEnd) ranges.push([at, end]);
      from = at + 1;
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}
