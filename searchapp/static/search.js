// The search page's progressive enhancement, in a file of its own so the Content-Security-
// Policy can forbid inline script. Without JavaScript the plain GET form does the same.
const form = document.getElementById("search-form");
// Apply a filter or sort as soon as it changes, instead of waiting for "Apply filters".
form.querySelectorAll(".facets input[type=checkbox], #sort, #collapse").forEach(
  (input) => input.addEventListener("change", () => form.requestSubmit()));
form.querySelector(".apply").classList.add("js-hidden");
// Back/forward may restore a page as the user left it; show the state its URL says.
window.addEventListener("pageshow", () => form.reset());
// Keep shared URLs short: leave out empty fields and the default sort.
form.addEventListener("formdata", (event) => {
  for (const [name, value] of [...event.formData]) {
    if (value === "" || (name === "sort" && value === "relevance")) event.formData.delete(name);
  }
});
