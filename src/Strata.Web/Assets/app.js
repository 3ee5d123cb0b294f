// Strata's progressive enhancement: every page works without this script; with it you get as-you-type search,
// keyboard shortcuts, bulk selection, highlighting in the reader and drag-and-drop upload.
(() => {
  "use strict";
  const csrf = () => document.querySelector('meta[name="strata-csrf"]')?.content ?? "";

  // As-you-type search: fetch the results fragment and swap it in, keeping the URL shareable.
  const live = document.querySelector("[data-live-search]");
  if (live) {
    const target = document.getElementById(live.dataset.liveSearch);
    let timer = 0, latest = 0;
    live.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const form = live.form, params = new URLSearchParams(new FormData(form));
        const ticket = ++latest;
        const response = await fetch("/search/results?" + params, { headers: { "Accept": "text/html" } });
        if (ticket !== latest || !response.ok) return;
        target.innerHTML = await response.text();
        history.replaceState(null, "", "/search?" + params);
        selected = -1;
      }, 150);
    });
  }

  // Secondary parts of a page (related items) load after it.
  document.querySelectorAll("[data-load]").forEach(async holder => {
    const response = await fetch(holder.dataset.load, { headers: { "Accept": "text/html" } });
    if (response.ok) holder.innerHTML = await response.text();
  });

  // Select all in the library's bulk form.
  document.querySelector("[data-select-all]")?.addEventListener("change", event => {
    document.querySelectorAll('#bulk input[name="ids"]').forEach(box => { box.checked = event.target.checked; });
  });

  // Keyboard: / search, j/k move, o/Enter open, x select, g+letter go, ? help; reader: e archive, f favourite, h highlight.
  let selected = -1, pendingG = false;
  const rows = () => Array.from(document.querySelectorAll("[data-item]"));
  const move = step => {
    const all = rows();
    if (all.length === 0) return;
    all[selected]?.classList.remove("selected");
    selected = Math.max(0, Math.min(all.length - 1, selected + step));
    all[selected].classList.add("selected");
    all[selected].scrollIntoView({ block: "nearest" });
  };
  const go = { l: "/", s: "/sources", a: "/add", t: "/tags", r: "/review", d: "/digests", k: "/ask", u: "/usage" };
  document.addEventListener("keydown", event => {
    const tag = event.target.tagName;
    if (event.ctrlKey || event.metaKey || event.altKey || tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || event.target.isContentEditable) return;
    if (pendingG) {
      pendingG = false;
      if (go[event.key]) { location.href = go[event.key]; event.preventDefault(); }
      return;
    }
    switch (event.key) {
      case "/": event.preventDefault(); (document.querySelector("[data-live-search]") ?? document.getElementById("top-q"))?.focus(); break;
      case "j": move(1); break;
      case "k": move(-1); break;
      case "o": case "Enter": { const link = rows()[selected]?.querySelector("[data-open]"); if (link) { event.preventDefault(); location.href = link.href; } break; }
      case "x": { const box = rows()[selected]?.querySelector('input[type="checkbox"]'); if (box) box.checked = !box.checked; break; }
      case "g": pendingG = true; break;
      case "?": document.getElementById("shortcuts")?.showModal(); break;
      case "e": document.querySelector("[data-shortcut-archive]")?.click(); break;
      case "f": document.querySelector("[data-shortcut-favourite]")?.click(); break;
      case "h": highlightSelection(); break;
      case " ": { const reveal = document.querySelector("[data-reveal]"); if (reveal) { event.preventDefault(); reveal.click(); } break; }
      case "1": case "2": case "3": case "4": document.querySelector(`.grades button[data-key="${event.key}"]`)?.click(); break;
    }
  });

  // Reader: mark stored highlights in the text, and offer to save a new one for the selected passage.
  const article = document.querySelector("[data-article]");
  const markText = (root, text) => {
    if (!text) return;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.data.indexOf(text);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + text.length);
      const mark = document.createElement("mark");
      mark.className = "highlight";
      range.surroundContents(mark);
      return;
    }
  };
  if (article) {
    document.querySelectorAll("[data-highlight-text]").forEach(item => markText(article, item.dataset.highlightText));
  }
  const button = document.createElement("button");
  button.type = "button";
  button.className = "highlight-button";
  button.textContent = "Highlight";
  button.hidden = true;
  document.body.append(button);
  const selectionInArticle = () => {
    const selection = getSelection();
    if (!article || !selection || selection.isCollapsed) return null;
    const range = selection.getRangeAt(0);
    return article.contains(range.commonAncestorContainer) ? selection.toString().trim() : null;
  };
  document.addEventListener("selectionchange", () => {
    const text = selectionInArticle();
    if (!text) { button.hidden = true; return; }
    const rect = getSelection().getRangeAt(0).getBoundingClientRect();
    button.style.setProperty("top", `${rect.bottom + scrollY + 6}px`);
    button.style.setProperty("left", `${rect.left + scrollX}px`);
    button.hidden = false;
  });
  async function highlightSelection() {
    const text = selectionInArticle();
    if (!text || !article) return;
    const note = prompt("Note for this highlight (optional)") ?? "";
    const body = new FormData();
    body.append("text", text);
    body.append("note", note);
    body.append("__RequestVerificationToken", csrf());
    const response = await fetch(article.dataset.highlightUrl, { method: "POST", body });
    if (response.ok) location.reload();
    else alert("Could not save the highlight: " + (await response.text()));
  }
  button.addEventListener("mousedown", event => event.preventDefault());
  button.addEventListener("click", highlightSelection);

  // Add page: drop files onto the zone to upload them.
  const zone = document.querySelector("[data-dropzone]");
  if (zone) {
    const input = zone.querySelector('input[type="file"]');
    ["dragenter", "dragover"].forEach(name => zone.addEventListener(name, event => { event.preventDefault(); zone.classList.add("over"); }));
    ["dragleave", "drop"].forEach(name => zone.addEventListener(name, () => zone.classList.remove("over")));
    zone.addEventListener("drop", event => {
      event.preventDefault();
      if (!event.dataTransfer?.files.length) return;
      input.files = event.dataTransfer.files;
      zone.closest("form").requestSubmit();
    });
  }
})();
