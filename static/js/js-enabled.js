/* Loaded in <head> without defer, so that styles for "JavaScript runs" (.js: the menu button,
   the collapsed menu and filters) apply from the first paint and nothing moves afterwards. */
document.documentElement.classList.add("js");
