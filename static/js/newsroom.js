/* The newsroom's filter form: no empty parameters in the addresses it makes (nor the page's
   own language when it is the only one chosen: that is the default), and on small screens a
   "Filter" button (with the number of active filters) that shows and hides it. */
(function () {
  "use strict";

  function init() {
    var form = document.querySelector("[data-newsroom-filters]");
    if (!form) return;
    var fields = Array.prototype.slice.call(form.elements);

    form.addEventListener("submit", function () {
      fields.forEach(function (field) {
        var typed = field.type === "search" || field.type === "date" || field.type === "text";
        if (field.name && typed && !field.value.trim()) field.disabled = true;
      });
      var languages = fields.filter(function (field) {
        return field.name === "language" && field.checked;
      });
      if (languages.length === 1 && languages[0].hasAttribute("data-page-language")) {
        languages[0].disabled = true;
      }
    });
    // Coming back to the page (back/forward cache) finds the fields usable again.
    window.addEventListener("pageshow", function () {
      fields.forEach(function (field) {
        field.disabled = false;
      });
    });

    var toggle = document.querySelector("[data-filters-toggle]");
    if (!toggle) return;
    toggle.hidden = false;
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") !== "true";
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
      form.classList.toggle("is-open", open);
      if (open) form.querySelector("input, select, button").focus();
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
