/// The browser page the figure server sends for `/`: self-contained HTML, CSS and JavaScript.
///
/// The script polls `figures.json` about every 500 ms with `If-None-Match` (a 304 costs the
/// server one lock: the list comes from an index the watcher keeps), keeps one card per figure in path order,
/// and when a figure's version changes loads `/<path>.png?v=<version>` into a detached image
/// first, swapping it in only once decoded: no flicker, no stale browser cache (each version
/// is a new URL), and a failed load keeps the last good image. A failed render shows its error
/// under the last good image (the server already removed the folders' absolute paths from it).
/// No external assets, so it works offline.
public enum FigurePage {
    /// The page as UTF-8 bytes.
    public static let bytes: [UInt8] = Array(html.utf8)

    /// The page's HTML.
    public static let html = #"""
    <!doctype html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Plotline</title>
    <style>
      :root { --bg: #eef1f5; --card: #ffffff; --ink: #1f2933; --muted: #6b7785; --line: #d9dee5;
              --bad: #b42318; --bad-bg: #fdecea; --good: #2f9e44; }
      * { box-sizing: border-box; }
      body { margin: 0; background: var(--bg); color: var(--ink);
             font: 14px/1.45 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; }
      header { display: flex; align-items: baseline; gap: 14px; padding: 14px 24px;
               background: var(--card); border-bottom: 1px solid var(--line); }
      header h1 { margin: 0; font-size: 17px; font-weight: 650; letter-spacing: .2px; }
      header .folder { color: var(--muted); font-family: ui-monospace, "DejaVu Sans Mono", monospace;
                       font-size: 12.5px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; flex: 1; }
      header .state { font-size: 12.5px; color: var(--muted); white-space: nowrap; }
      header .dot { display: inline-block; width: 8px; height: 8px; border-radius: 50%;
                    background: #aab2bd; margin-right: 6px; vertical-align: 1px; }
      header .state.live .dot { background: var(--good); }
      main { display: grid; grid-template-columns: repeat(auto-fill, minmax(520px, 1fr)); align-items: start;
             gap: 20px; padding: 20px 24px 32px; }
      .card { background: var(--card); border: 1px solid var(--line); border-radius: 10px;
              box-shadow: 0 1px 2px rgba(16, 24, 40, .06); padding: 12px 14px 14px; min-width: 0; }
      .card .top { display: flex; align-items: baseline; gap: 10px; margin-bottom: 8px; }
      .card .name { font-weight: 600; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; flex: 1; }
      .card .meta { color: var(--muted); font-size: 12px; white-space: nowrap; }
      .card a { display: block; }
      .card img { display: block; width: 100%; height: auto; border-radius: 4px; }
      .card .none { height: 200px; display: flex; align-items: center; justify-content: center;
                    color: var(--muted); border: 1px dashed var(--line); border-radius: 4px; }
      .card .error { display: none; margin-top: 8px; padding: 6px 9px; border-radius: 6px;
                     background: var(--bad-bg); color: var(--bad); font-size: 12.5px;
                     font-family: ui-monospace, "DejaVu Sans Mono", monospace; white-space: pre-wrap; word-break: break-word; }
      .card.failed { border-color: #f1b8b1; }
      .card.failed .error { display: block; }
      .empty { grid-column: 1 / -1; text-align: center; color: var(--muted); padding: 80px 0; }
    </style>
    </head>
    <body>
    <header>
      <h1>Plotline</h1>
      <span class="folder" id="folder"></span>
      <span class="state" id="state"><span class="dot"></span><span id="state-text">connecting</span></span>
    </header>
    <main id="grid"><div class="empty" id="empty">No figures yet. Waiting for data…</div></main>
    <script>
    "use strict";
    const grid = document.getElementById("grid");
    const empty = document.getElementById("empty");
    const cards = new Map();
    let etag = null;
    let folder = "";

    function url(path, version) {
      return "/" + path.split("/").map(encodeURIComponent).join("/") + "?v=" + version;
    }

    function makeCard(figure) {
      const card = document.createElement("section");
      card.className = "card";
      card.dataset.path = figure.path;
      card.innerHTML = '<div class="top"><span class="name"></span><span class="meta"></span></div>' +
                       '<a target="_blank"><div class="none">no image yet</div></a><div class="error"></div>';
      card.querySelector(".name").textContent = figure.path;
      card.querySelector(".name").title = figure.path;
      return { card, version: null, shown: null };
    }

    function showImage(entry, figure) {
      const src = url(figure.path, figure.version);
      const img = new Image();
      img.alt = figure.path;
      img.onload = () => {
        if (entry.version !== figure.version) return;
        const link = entry.card.querySelector("a");
        link.href = src;
        link.replaceChildren(img);
        entry.shown = figure.version;
      };
      img.src = src;
    }

    function update(figures) {
      const seen = new Set();
      for (const figure of figures) {
        seen.add(figure.path);
        let entry = cards.get(figure.path);
        if (!entry) { entry = makeCard(figure); cards.set(figure.path, entry); }
        if (entry.version !== figure.version) {
          entry.version = figure.version;
          if (figure.image) showImage(entry, figure);
        }
        entry.card.classList.toggle("failed", !figure.ok);
        let error = figure.ok ? "" : (figure.error || "render failed");
        if (folder && error.startsWith(folder + "/")) error = error.slice(folder.length + 1);
        entry.card.querySelector(".error").textContent = error;
        entry.card.querySelector(".meta").textContent =
          (figure.rows ? figure.rows.toLocaleString() + " rows · " : "") + "v" + figure.version;
      }
      for (const [path, entry] of cards) {
        if (!seen.has(path)) { entry.card.remove(); cards.delete(path); }
      }
      const order = figures.map(f => cards.get(f.path).card);
      order.forEach((card, i) => { if (grid.children[i] !== card) grid.insertBefore(card, grid.children[i] || null); });
      empty.style.display = figures.length ? "none" : "";
      if (!figures.length) grid.appendChild(empty);
      document.title = "Plotline · " + figures.length + (figures.length === 1 ? " figure" : " figures");
    }

    function setState(live, text) {
      document.getElementById("state").classList.toggle("live", live);
      document.getElementById("state-text").textContent = text;
    }

    async function poll() {
      try {
        const headers = etag ? { "If-None-Match": etag } : {};
        const response = await fetch("/figures.json", { cache: "no-store", headers });
        if (response.status === 200) {
          const doc = await response.json();
          etag = response.headers.get("ETag");
          folder = doc.folder || "";
          document.getElementById("folder").textContent = folder;
          update(doc.figures);
        } else if (response.status !== 304) {
          throw new Error("HTTP " + response.status);
        }
        setState(true, "live");
      } catch (e) {
        setState(false, "disconnected, retrying");
      }
      setTimeout(poll, 500);
    }
    poll();
    </script>
    </body>
    </html>
    """#
}
