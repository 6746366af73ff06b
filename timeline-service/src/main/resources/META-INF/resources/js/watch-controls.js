// "Download GeoJSON / CSV" and "Watch this view": the same filters as the list, as an export or as a
// watch whose status the page then shows. Every text from the server goes in through textContent.

const POLL_MS = 3000;

function exportUrl(filters, format) {
  const q = new URLSearchParams(filters);
  q.set("format", format);
  return `/api/timeline?${q}`;
}

function randomSecret() {
  const bytes = new Uint8Array(24);
  crypto.getRandomValues(bytes);
  return [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** What a watch's status says, in one line. */
export function describeStatus(watch) {
  const s = watch.status || {};
  const parts = [`Watch “${watch.name}” → ${watch.webhook?.url ?? "?"}`,
    `${s.delivered ?? 0} delivered`, `${s.pending ?? 0} pending`, `${s.failures ?? 0} failed`];
  if (s.lastDelivery) {
    parts.push(`last ${s.lastDelivery}: ${s.lastStatus ?? s.lastError ?? "?"}`);
  }
  if (s.failingSince) parts.push(`failing since ${s.failingSince}`);
  return parts.join(" · ");
}

/** Wires the controls; returns what to call whenever the page's filters change. */
export function installWatchControls(currentFilters) {
  const geojson = document.getElementById("download-geojson");
  const csv = document.getElementById("download-csv");
  const dialog = document.getElementById("watch-dialog");
  const form = document.getElementById("watch-form");
  const error = document.getElementById("watch-error");
  const status = document.getElementById("watch-status");
  let polling = null;

  const refresh = () => {
    geojson.href = exportUrl(currentFilters(), "geojson");
    csv.href = exportUrl(currentFilters(), "csv");
  };

  async function showStatus(name) {
    try {
      const res = await fetch(`/api/watches/${encodeURIComponent(name)}`, { headers: { Accept: "application/json" } });
      if (!res.ok) throw new Error(`the watch answered ${res.status}`);
      status.textContent = describeStatus(await res.json());
    } catch (e) {
      status.textContent = `Watch “${name}”: ${e.message}`;
    }
    status.hidden = false;
    document.body.dataset.watchStatus = status.textContent;
  }

  document.getElementById("watch-view").addEventListener("click", () => {
    error.hidden = true;
    if (!form.elements.secret.value) form.elements.secret.value = randomSecret();
    dialog.showModal();
  });
  document.getElementById("watch-cancel").addEventListener("click", () => dialog.close());
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const f = form.elements;
    const body = { name: f.name.value.trim(), filter: currentFilters(),
      webhook: { url: f.url.value.trim(), secret: f.secret.value } };
    const res = await fetch("/api/watches", {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${f.token.value}` },
      body: JSON.stringify(body),
    });
    if (res.status !== 201) {
      let problem = {};
      try { problem = await res.json(); } catch { /* not a problem document */ }
      const lines = (problem.errors || []).map((x) => `${x.field}: ${x.message}`);
      error.textContent = lines.length ? lines.join("\n") : (problem.detail || `the server answered ${res.status}`);
      error.hidden = false;
      return;
    }
    dialog.close();
    f.token.value = "";
    clearInterval(polling);
    await showStatus(body.name);
    polling = setInterval(() => showStatus(body.name), POLL_MS);
  });
  refresh();
  return refresh;
}
