// The Up, Down, In and Out buttons of the tree changelists (taxonomy.admin.TreeAdmin).
(function () {
  "use strict";

  // django-mptt's row keyboard handler opens the row's change page on Enter and moves between
  // rows on the arrow keys; on a step button those keys belong to the button.
  document.addEventListener("keydown", function (event) {
    if (event.target.classList && event.target.classList.contains("tree-step")) {
      event.stopPropagation();
    }
  }, true);

  // After a step the changelist comes back at the address of the button that was pressed
  // (#step-<id>-<step>): give it the focus again (after django-mptt has focused the first
  // row), so that a keyboard user goes on from where they were.
  window.addEventListener("load", function () {
    const id = decodeURIComponent(window.location.hash.slice(1));
    const button = id ? document.getElementById(id) : null;
    if (button && button.classList.contains("tree-step")) {
      window.setTimeout(function () {
        button.focus();
      }, 0);
    }
  });
})();
