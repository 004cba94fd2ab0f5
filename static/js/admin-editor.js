/* Names each rich-text editor's editing area after its field's label: the editor builds a
   contenteditable element that screen readers would otherwise announce without a name. */
(function () {
  "use strict";

  function nameEditingArea(textarea, area) {
    var label = textarea && textarea.labels && textarea.labels[0];
    if (!label || !area || area.hasAttribute("aria-labelledby")) return;
    if (!label.id) label.id = textarea.id + "-label";
    area.setAttribute("aria-labelledby", label.id);
    area.setAttribute("aria-multiline", "true");
  }

  document.addEventListener("prose-editor:ready", function (event) {
    var detail = event.detail || {};
    if (detail.textarea && detail.editor) nameEditingArea(detail.textarea, detail.editor.view.dom);
  });

  // Editors made before this script listened.
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".prose-editor").forEach(function (wrapper) {
      nameEditingArea(wrapper.querySelector("textarea"), wrapper.querySelector("[contenteditable]"));
    });
  });
})();
