// The one way this page builds DOM: every text goes in through textContent, so article text
// (titles, evidence, outlet names) can never become markup, whatever characters it holds.

/** An element with a class and text; children may be appended later. */
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = String(text);
  return node;
}

/** A link that opens outside the page, only for http(s) addresses; anything else stays text. */
export function externalLink(url, text) {
  let parsed = null;
  try {
    parsed = new URL(url);
  } catch {
    parsed = null;
  }
  if (!parsed || (parsed.protocol !== "http:" && parsed.protocol !== "https:")) {
    return el("span", "url", text ?? url ?? "");
  }
  const a = el("a", "url", text ?? parsed.href);
  a.href = parsed.href;
  a.target = "_blank";
  a.rel = "noopener noreferrer";
  return a;
}

/** Text with the given [start, end) ranges wrapped in mark elements. */
export function markedText(text, ranges) {
  const frag = document.createDocumentFragment();
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) frag.append(document.createTextNode(text.slice(at, start)));
    frag.append(el("mark", null, text.slice(start, end)));
    at = end;
  }
  if (at < text.length) frag.append(document.createTextNode(text.slice(at)));
  return frag;
}
