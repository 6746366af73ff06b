// The map beside the list: a bundled country basemap (works with no internet), optional tiles
// from configuration, and one circle per event sized by its toll (or its sources) and drawn
// by how precisely its place is known.
import { typeInfo, toll, formatEventDate } from "./timeline-format.js";
import { el } from "./dom.js";

const PRECISION_STYLE = {
  // An exact place is a solid dot; the vaguer the place, the fainter and more broken its outline.
  exact: { dashArray: null, fillOpacity: 0.75, weight: 1.5, opacity: 1 },
  near: { dashArray: "4 3", fillOpacity: 0.45, weight: 1.5, opacity: 0.9 },
  region: { dashArray: "2 4", fillOpacity: 0.22, weight: 1.5, opacity: 0.8, grow: 8 },
  country: { dashArray: "1 5", fillOpacity: 0.12, weight: 1.5, opacity: 0.7, grow: 16 },
};

function radiusOf(ev) {
  const n = toll(ev);
  const base = n != null ? 5 + 2.2 * Math.sqrt(n) : 4 + 2 * Math.sqrt(Math.max(1, ev.sourceCount || 1));
  const grow = (PRECISION_STYLE[ev.location?.precision] || PRECISION_STYLE.exact).grow || 0;
  return Math.min(base + grow, 40);
}

function styleOf(ev, selected) {
  const p = PRECISION_STYLE[ev.location?.precision] || PRECISION_STYLE.exact;
  const color = typeInfo(ev.type).color;
  return {
    radius: radiusOf(ev),
    color: selected ? "#111" : color,
    weight: selected ? 3 : p.weight,
    opacity: p.opacity,
    dashArray: p.dashArray,
    fillColor: color,
    fillOpacity: p.fillOpacity,
  };
}

function hasPlace(ev) {
  return ev.location && Number.isFinite(ev.location.lat) && Number.isFinite(ev.location.lon);
}

export class TimelineMap {
  constructor(container, { onSelect }) {
    this.onSelect = onSelect;
    this.markers = new Map();
    this.selectedId = null;
    // The map follows the events (fits them all) until the analyst moves it; then it stays put.
    this.following = true;
    this.moving = false;
    this.map = L.map(container, { worldCopyJump: true, attributionControl: false, minZoom: 2, zoomSnap: 0.5 })
      .setView([30, 20], 2);
    this.map.createPane("boundaries").style.zIndex = 250;
    this.markerLayer = L.featureGroup().addTo(this.map);
    this.map.on("movestart", () => {
      if (!this.moving) this.following = false;
    });
  }

  /** Moves the view without counting as the analyst's own move. */
  move(action) {
    this.moving = true;
    try {
      action();
    } finally {
      this.moving = false;
    }
  }

  /** Lays a configured tile server under the markers; the bundled countries then become outlines. */
  useTiles(tileUrl, tileAttribution) {
    if (!tileUrl) return;
    L.tileLayer(tileUrl, { maxZoom: 18 }).addTo(this.map);
    if (tileAttribution) document.getElementById("credits").append(` · Tiles: ${tileAttribution}`);
    this.countries?.setStyle({ fillOpacity: 0 });
    this.tiled = true;
  }

  async loadBasemap() {
    const [countries, admin1] = await Promise.all([
      fetch("/vendor/countries-50m.json").then((r) => r.json()),
      fetch("/vendor/admin1-50m.json").then((r) => r.json()).catch(() => null),
    ]);
    // A canvas draws these 100,000-point outlines several times faster than SVG paths would, and
    // nothing on them is clickable; the markers stay SVG so each is an element of its own.
    const renderer = L.canvas({ pane: "boundaries", padding: 0.2 });
    const land = topojson.feature(countries, countries.objects.countries);
    this.countries = L.geoJSON(land, {
      renderer,
      interactive: false,
      style: { color: "#8a8f98", weight: 0.8, fillColor: "#f2efe6", fillOpacity: this.tiled ? 0 : 1 },
    }).addTo(this.map);
    if (admin1) {
      const regions = L.geoJSON(topojson.feature(admin1, admin1.objects.boundaries), {
        renderer,
        interactive: false,
        style: { color: "#a9adb4", weight: 0.6, dashArray: "3 3" },
      });
      // Province lines only help once a country fills the view; at world scale they are noise.
      const showRegions = () => {
        if (this.map.getZoom() >= 4) regions.addTo(this.map);
        else regions.remove();
      };
      this.map.on("zoomend", showRegions);
      showRegions();
    }
    this.map.getContainer().dataset.basemap = "loaded";
  }

  /** Adds or moves the marker of ev; a removed or placeless event loses its marker. */
  upsert(ev, { fresh = false } = {}) {
    this.remove(ev.id);
    if (!hasPlace(ev)) return;
    const marker = L.circleMarker([ev.location.lat, ev.location.lon], {
      ...styleOf(ev, ev.id === this.selectedId),
      className: `ev-marker precision-${ev.location.precision || "exact"}`,
      bubblingMouseEvents: false,
    });
    // Built when first shown: a thousand tooltips up front would cost more than the markers.
    marker.bindTooltip(() => tooltipOf(ev), { direction: "top", offset: [0, -4] });
    marker.on("click", () => this.onSelect(ev.id, "map"));
    marker.addTo(this.markerLayer);
    marker.event = ev;
    const path = marker.getElement();
    if (path) {
      path.dataset.eventId = ev.id;
      if (fresh) path.classList.add("fresh");
    }
    this.markers.set(ev.id, marker);
    return path;
  }

  remove(id) {
    const m = this.markers.get(id);
    if (m) {
      this.markerLayer.removeLayer(m);
      this.markers.delete(id);
    }
  }

  /** Empties the map for a new set of events, which it then follows again. */
  clear() {
    this.markerLayer.clearLayers();
    this.markers.clear();
    this.following = true;
    this.fittedOnce = false;
  }

  /** Fits the view to every marker, unless the analyst has moved the map. */
  follow() {
    if (!this.following || this.markers.size === 0) return;
    const bounds = this.markerLayer.getBounds();
    // Refitting redraws every marker; skip it while every event is already in view.
    if (this.fittedOnce && this.map.getBounds().contains(bounds)) return;
    this.fittedOnce = true;
    this.move(() => this.map.fitBounds(bounds.pad(0.3), { maxZoom: 7, animate: false }));
  }

  select(id, pan) {
    const old = this.markers.get(this.selectedId);
    if (old) old.setStyle(styleOf(old.event, false));
    this.selectedId = id;
    const m = this.markers.get(id);
    if (!m) return;
    m.setStyle(styleOf(m.event, true));
    m.bringToFront();
    if (pan) {
      // Choosing an event is choosing where to look: later arrivals no longer move the view.
      this.following = false;
      this.move(() => this.map.panTo(m.getLatLng(), { animate: false }));
    }
  }

  invalidate() {
    this.map.invalidateSize();
  }
}

// Leaflet writes string tooltips with innerHTML; an element built with textContent keeps titles as text.
function tooltipOf(ev) {
  const box = el("div", "tip");
  box.append(el("strong", null, ev.title || typeInfo(ev.type).label));
  box.append(el("div", null, `${ev.location?.name || ""} · ${formatEventDate(ev.date, ev.dateEnd, ev.datePrecision)}`));
  return box;
}
