/* Mega-menu (disclosure pattern) and the small-screen menu button. No inline code (CSP). */
(function () {
  "use strict";

  function init() {
    var nav = document.querySelector("[data-mega-menu]");
    if (!nav) return;
    var toggles = Array.prototype.slice.call(nav.querySelectorAll(".main-nav__toggle"));
    var topLevel = Array.prototype.slice.call(
      nav.querySelectorAll(".main-nav__toggle, .main-nav__link")
    );

    function panelOf(toggle) {
      return document.getElementById(toggle.getAttribute("aria-controls"));
    }
    function linksOf(toggle) {
      return Array.prototype.slice.call(panelOf(toggle).querySelectorAll("a[href]"));
    }
    function setOpen(toggle, open) {
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    }
    function closeAll(except) {
      toggles.forEach(function (toggle) {
        if (toggle !== except) setOpen(toggle, false);
      });
    }
    function open(toggle) {
      closeAll(toggle);
      setOpen(toggle, true);
    }

    toggles.forEach(function (toggle) {
      toggle.addEventListener("click", function () {
        var isOpen = toggle.getAttribute("aria-expanded") === "true";
        closeAll(toggle);
        setOpen(toggle, !isOpen);
      });
      toggle.addEventListener("keydown", function (event) {
        if (event.key === "ArrowDown") {
          event.preventDefault();
          open(toggle);
          var links = linksOf(toggle);
          if (links.length) links[0].focus();
        } else if (event.key === "Escape") {
          setOpen(toggle, false);
        }
      });
      panelOf(toggle).addEventListener("keydown", function (event) {
        var links = linksOf(toggle);
        var index = links.indexOf(document.activeElement);
        var next = null;
        if (event.key === "ArrowDown") next = links[Math.min(index + 1, links.length - 1)];
        else if (event.key === "ArrowUp") next = index <= 0 ? toggle : links[index - 1];
        else if (event.key === "Home") next = links[0];
        else if (event.key === "End") next = links[links.length - 1];
        else if (event.key === "Escape") {
          setOpen(toggle, false);
          next = toggle;
        }
        if (next) {
          event.preventDefault();
          next.focus();
        }
      });
    });

    topLevel.forEach(function (item, index) {
      item.addEventListener("keydown", function (event) {
        var step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
        if (!step) return;
        event.preventDefault();
        topLevel[(index + step + topLevel.length) % topLevel.length].focus();
      });
    });

    nav.addEventListener("focusout", function (event) {
      if (!nav.contains(event.relatedTarget)) closeAll(null);
    });
    document.addEventListener("click", function (event) {
      if (!nav.contains(event.target)) closeAll(null);
    });
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") return;
      var openToggle = toggles.filter(function (toggle) {
        return toggle.getAttribute("aria-expanded") === "true";
      })[0];
      if (openToggle) {
        setOpen(openToggle, false);
        openToggle.focus();
      }
    });

    var menuButton = document.querySelector(".menu-button");
    if (menuButton) {
      menuButton.hidden = false;
      menuButton.addEventListener("click", function () {
        var expanded = menuButton.getAttribute("aria-expanded") === "true";
        menuButton.setAttribute("aria-expanded", expanded ? "false" : "true");
        nav.classList.toggle("is-open", !expanded);
        if (!expanded && topLevel.length) topLevel[0].focus();
      });
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
