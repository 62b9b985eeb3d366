// The search page's progressive enhancement, in a file of its own so the Content-Security-
// Policy can forbid inline script. Without JavaScript the plain GET form does the same.
(function () {
  "use strict";
  const form = document.getElementById("search-form");
  if (!form) return;
  const PLACE = "searchapp:place";

  // Apply a filter or sort as soon as it changes, instead of waiting for "Apply filters".
  // Delegated, because search-as-you-type (suggest.js) replaces the facets and results.
  form.addEventListener("change", (event) => {
    if (event.target.matches(".facets input[type=checkbox], #sort, #collapse")) submitKeepingPlace(event.target);
  });
  function hideApply() {
    form.querySelectorAll(".apply").forEach((button) => button.classList.add("js-hidden"));
  }
  hideApply();
  document.addEventListener("search:updated", hideApply);

  // Back/forward may restore a page as the user left it; show the state its URL says.
  window.addEventListener("pageshow", () => form.reset());
  // Keep shared URLs short: leave out empty fields and the default sort.
  form.addEventListener("formdata", (event) => {
    for (const [name, value] of [...event.formData]) {
      if (value === "" || (name === "sort" && value === "relevance")) event.formData.delete(name);
    }
  });

  // The phone's filter panel: "Filters" opens it over the results, "Show results" or Escape
  // closes it. Without JavaScript the same links open it as the #filters target.
  const panel = document.getElementById("filters");
  const toggle = document.getElementById("filters-toggle");
  // While the panel covers the page, what is under it takes no focus or clicks.
  const BEHIND = ".skip-link, header.top, nav.views, .box, #syntax-help, #filters-toggle, #results";
  function openPanel(open) {
    document.body.classList.toggle("filters-open", open);
    toggle.setAttribute("aria-expanded", String(open));
    document.querySelectorAll(BEHIND).forEach((element) => { element.inert = open; });
    if (open) panel.focus({ preventScroll: true });
  }
  toggle.setAttribute("aria-expanded", "false");
  toggle.addEventListener("click", (event) => { event.preventDefault(); openPanel(true); });
  form.addEventListener("click", (event) => {
    if (!event.target.closest(".filters-close")) return;
    event.preventDefault();
    openPanel(false);
    toggle.focus();
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && document.body.classList.contains("filters-open")) { openPanel(false); toggle.focus(); }
  });

  // A filter applied reloads the page; the user keeps their place: the same control has
  // focus, the page and the open filter panel are scrolled where they were.
  function keyOf(element) {
    if (element.id) return "#" + CSS.escape(element.id);
    return `[name="${CSS.escape(element.name)}"][value="${CSS.escape(element.value)}"]`;
  }
  function submitKeepingPlace(control) {
    const here = {
      path: location.pathname,
      focus: keyOf(control),
      scrollY: window.scrollY,
      panelOpen: document.body.classList.contains("filters-open"),
      panelScroll: panel.scrollTop,
    };
    try { sessionStorage.setItem(PLACE, JSON.stringify(here)); } catch (error) { /* storage off: land at the top */ }
    form.requestSubmit();
  }
  let place = null;
  try {
    place = JSON.parse(sessionStorage.getItem(PLACE));
    sessionStorage.removeItem(PLACE);
  } catch (error) { place = null; }
  if (place && place.path === location.pathname) {
    if (place.panelOpen) openPanel(true);
    panel.scrollTop = place.panelScroll || 0;
    // Focusing before the first paint also stops the search box's autofocus.
    let control = null;
    try { control = form.querySelector(place.focus); } catch (error) { control = null; } // a stale or odd key
    if (control) control.focus({ preventScroll: true });
    window.scrollTo(0, place.scrollY || 0);
  }
})();
