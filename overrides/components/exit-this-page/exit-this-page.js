// "Exit this page" (overrides/components/exit-this-page/exit-this-page.html): the button, the
// skip link and Shift pressed three times all leave for the neutral site at
// once, and the page is replaced in the history so Back does not return to it.
(function () {
  "use strict";

  var PRESSES_TO_EXIT = 3;
  // Time allowed between two presses of Shift before the count starts again.
  var PRESS_TIMEOUT_MS = 5000;
  var EXITING_CLASS = "exit-this-page--exiting";

  var root = document.querySelector("[data-exit-this-page]");
  if (!root) {
    return;
  }
  var links = document.querySelectorAll("[data-exit-this-page-link]");
  var target = links[0].href;
  var status = root.querySelector("[data-exit-this-page-status]");
  var lights = root.querySelectorAll(".exit-this-page__light");
  var indicator = root.querySelector(".exit-this-page__indicator");
  var text = root.dataset;
  var pageTitle = document.title;

  var presses = 0;
  var lastKeyHadShift = false;
  var pressTimer = null;
  var messageTimer = null;
  var overlay = null;

  function showPresses() {
    indicator.classList.toggle("exit-this-page__indicator--visible", presses > 0);
    lights.forEach(function (light, index) {
      light.classList.toggle("exit-this-page__light--on", index < presses);
    });
  }

  function exitPage(event) {
    if (event) {
      event.preventDefault();
    }
    status.textContent = "";
    // Hide everything at once: a slow connection must not leave the page on
    // screen (or in reach of a screen reader) while the next one loads.
    document.body.classList.add(EXITING_CLASS);
    overlay = document.createElement("div");
    overlay.className = "exit-this-page__overlay";
    overlay.setAttribute("role", "alert");
    document.body.appendChild(overlay);
    overlay.textContent = text.activated;
    document.title = text.activated;
    window.location.replace(target);
  }

  function resetPresses(announce) {
    window.clearTimeout(pressTimer);
    pressTimer = null;
    presses = 0;
    showPresses();
    if (announce) {
      status.textContent = text.timedOut;
      messageTimer = window.setTimeout(function () {
        status.textContent = "";
      }, PRESS_TIMEOUT_MS);
    }
  }

  function onKeyUp(event) {
    // Shift on its own counts; Shift used to type a capital (Shift+A sends a
    // keyup for A with shiftKey set, then one for Shift) does not.
    if (event.key === "Shift" && !lastKeyHadShift) {
      presses += 1;
      showPresses();
      window.clearTimeout(messageTimer);
      if (presses >= PRESSES_TO_EXIT) {
        resetPresses(false);
        exitPage();
      } else {
        status.textContent = presses === 1 ? text.pressTwoMore : text.pressOneMore;
        window.clearTimeout(pressTimer);
        pressTimer = window.setTimeout(resetPresses, PRESS_TIMEOUT_MS, true);
      }
    } else if (presses > 0) {
      resetPresses(true);
    }
    lastKeyHadShift = event.shiftKey;
  }

  // A browser may restore this page from its cache (e.g. Forward): show it again.
  function restorePage() {
    document.body.classList.remove(EXITING_CLASS);
    document.title = pageTitle;
    if (overlay) {
      overlay.remove();
      overlay = null;
    }
    status.textContent = "";
    resetPresses(false);
  }

  links.forEach(function (link) {
    link.addEventListener("click", exitPage);
  });
  document.addEventListener("keyup", onKeyUp, true);
  window.addEventListener("pageshow", restorePage);
})();
