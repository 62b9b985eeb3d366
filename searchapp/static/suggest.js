// Search as you type: a pause in typing fetches the same page the form would load and swaps
// in its results and facets, so what shows is exactly what Enter gives (and the URL says it).
// The box is also a combobox listing speakers and outlets from /api/suggest; choosing one
// opens that speaker's page or the search filtered to that outlet. Without JavaScript the
// plain GET form does the searching.
(function () {
  "use strict";
  const form = document.getElementById("search-form");
  const box = document.getElementById("q");
  if (!form || !box) return;
  const WAIT_MS = 250;
  const list = document.createElement("ul");
  list.id = "q-suggestions";
  list.className = "suggestions-list";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", "Speakers and outlets");
  list.hidden = true;
  box.closest(".box").append(list);
  box.setAttribute("role", "combobox");
  box.setAttribute("aria-autocomplete", "list");
  box.setAttribute("aria-controls", list.id);
  box.setAttribute("aria-expanded", "false");

  let timer = null;
  let pageRequest = null;
  let suggestRequest = null;
  let active = -1;
  let typed = box.value;

  box.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => { refreshResults(); refreshSuggestions(); }, WAIT_MS);
  });
  box.addEventListener("keydown", (event) => {
    const options = [...list.children];
    if (event.key === "ArrowDown" && options.length) {
      event.preventDefault();
      choose(list.hidden ? 0 : (active + 1) % options.length);
    } else if (event.key === "ArrowUp" && options.length && !list.hidden) {
      event.preventDefault();
      choose((active - 1 + options.length) % options.length);
    } else if (event.key === "Enter" && !list.hidden && active >= 0) {
      event.preventDefault();
      location.href = options[active].dataset.url;
    } else if (event.key === "Escape" && !list.hidden) {
      event.preventDefault();
      close();
    }
  });
  box.addEventListener("blur", () => setTimeout(close, 150));
  list.addEventListener("pointerdown", (event) => event.preventDefault()); // keep focus in the box
  list.addEventListener("click", (event) => {
    const option = event.target.closest("[role=option]");
    if (option) location.href = option.dataset.url;
  });
  form.addEventListener("submit", () => { clearTimeout(timer); if (pageRequest) pageRequest.abort(); });

  // Building the form's data fires its "formdata" event, where search.js leaves out empty
  // fields and the default sort: the URL is the one a submit would load.
  function formUrl() {
    const query = new URLSearchParams(new FormData(form)).toString();
    return form.getAttribute("action") + (query ? "?" + query : "");
  }

  function refreshResults() {
    if (box.value === typed) return;
    typed = box.value;
    const url = formUrl();
    if (pageRequest) pageRequest.abort();
    pageRequest = new AbortController();
    fetch(url, { signal: pageRequest.signal, headers: { Accept: "text/html" } })
      .then((response) => response.text())
      .then((html) => {
        const fresh = new DOMParser().parseFromString(html, "text/html");
        for (const selector of ["#filters", "#results", "nav.views", "#filters-toggle"]) {
          const old = document.querySelector(selector);
          const replacement = fresh.querySelector(selector);
          // The children, not the element, so the live region and listeners stay.
          if (old && replacement) old.replaceChildren(...replacement.childNodes);
        }
        document.title = fresh.title;
        history.replaceState(null, "", url);
        box.defaultValue = box.value; // what form.reset() on back/forward restores
        document.dispatchEvent(new CustomEvent("search:updated"));
      })
      .catch((error) => { if (error.name !== "AbortError") throw error; });
  }

  // Suggestions are for the word being typed: the text after the last space, unless it is
  // a field or phrase, which the query language already spells out.
  function refreshSuggestions() {
    const word = box.value.split(/\s+/).pop();
    if (word.length < 2 || /[:"()*?~^]/.test(word)) { close(); return; }
    if (suggestRequest) suggestRequest.abort();
    suggestRequest = new AbortController();
    fetch("/api/suggest?" + new URLSearchParams({ prefix: word, limit: "6" }), { signal: suggestRequest.signal })
      .then((response) => (response.ok ? response.json() : { suggestions: [] }))
      .then((data) => show(data.suggestions))
      .catch((error) => { if (error.name !== "AbortError") throw error; });
  }

  function show(suggestions) {
    list.textContent = "";
    active = -1;
    suggestions.forEach((item, index) => {
      const option = document.createElement("li");
      option.id = "q-suggestion-" + index;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.dataset.url = item.url;
      const name = document.createElement("span");
      name.className = "name";
      name.textContent = item.value;
      const kind = document.createElement("span");
      kind.className = "suggestion-kind";
      kind.textContent = (item.kind === "speaker" ? "Speaker" : "Outlet") + " · " + item.count;
      option.append(name, kind);
      list.append(option);
    });
    list.hidden = suggestions.length === 0 || document.activeElement !== box;
    box.setAttribute("aria-expanded", String(!list.hidden));
    box.removeAttribute("aria-activedescendant");
  }

  function choose(index) {
    list.hidden = false;
    box.setAttribute("aria-expanded", "true");
    [...list.children].forEach((option, i) => option.setAttribute("aria-selected", String(i === index)));
    active = index;
    box.setAttribute("aria-activedescendant", list.children[index].id);
  }

  function close() {
    list.hidden = true;
    active = -1;
    box.setAttribute("aria-expanded", "false");
    box.removeAttribute("aria-activedescendant");
  }
})();
