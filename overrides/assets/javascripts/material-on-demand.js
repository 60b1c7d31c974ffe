/*
 * Material's script and its search, each started when the visitor needs it.
 *
 * Material's script (34 KB compressed, and the longest task of a page load on
 * a slow phone) only adds to a page that reads, navigates and prints without
 * it: Material writes pages for browsers without JavaScript. So the page loads
 * without it, in Material's no-JavaScript mode, and the script starts at the
 * visitor's first key, tap, click, mouse movement, scroll or focus. A key
 * pressed before it started (such as / for search) is passed on to it, and
 * search opened before it started takes focus.
 * hooks/material_on_demand.py leaves the address of the script here instead of
 * loading it; site.css keeps search's place in the header until it appears.
 *
 * Material's search worker and index, a third of what the script would load,
 * wait longer: until the visitor turns to search (focuses the search box,
 * opens search on a phone or presses a search shortcut).
 */
(function () {
  var FIRST_INTERACTION = ["keydown", "pointerdown", "pointermove", "wheel", "scroll", "focusin"];
  var LISTENING = { capture: true, passive: true };
  var SEARCH_WORKER = /\/workers\/search\.[^/]*\.js$/;
  var SEARCH_INDEX = /\/search\/search_index\.json$/;

  function startMaterialScript(event) {
    FIRST_INTERACTION.forEach(function (type) {
      window.removeEventListener(type, startMaterialScript, LISTENING);
    });
    var placeholder = document.querySelector("script[data-material-script]");
    if (!placeholder) return;
    var script = document.createElement("script");
    script.src = placeholder.getAttribute("data-material-script");
    if (event.type === "keydown" && event.key.length === 1) {
      // A printable key: Material's shortcuts. Shift, Tab and the like have
      // done their work already (Shift counts towards "Exit this page").
      script.addEventListener("load", function () {
        event.target.dispatchEvent(new KeyboardEvent("keydown", {
          key: event.key, code: event.code, bubbles: true, cancelable: true,
          ctrlKey: event.ctrlKey, altKey: event.altKey, metaKey: event.metaKey, shiftKey: event.shiftKey
        }));
      });
    }
    placeholder.after(script);
  }

  FIRST_INTERACTION.forEach(function (type) {
    window.addEventListener(type, startMaterialScript, LISTENING);
  });

  // Search opened on a phone before the script started: the search box takes
  // focus as Material would, and while the tap lasts, so the keyboard opens.
  document.addEventListener("change", function (event) {
    var materialStarted = document.documentElement.classList.contains("js");
    if (!materialStarted && event.target.id === "__search" && event.target.checked) {
      document.querySelector("[data-md-component=search-query]").focus();
    }
  });

  var searchWanted = false;
  var waitingForSearch = [];

  function pathOf(url) {
    return new URL(url, location.href).pathname;
  }

  function whenSearchIsWanted(start) {
    if (searchWanted) start();
    else waitingForSearch.push(start);
  }

  function searchIsWanted() {
    if (searchWanted) return;
    searchWanted = true;
    waitingForSearch.splice(0).forEach(function (start) { start(); });
  }

  // Material talks to a stand-in until the real worker starts.
  var RealWorker = window.Worker;
  window.Worker = function (url, options) {
    if (!SEARCH_WORKER.test(pathOf(url))) return new RealWorker(url, options);
    var standIn = new EventTarget();
    var worker = null;
    var queued = [];
    standIn.postMessage = function (message) {
      if (worker) worker.postMessage(message);
      else queued.push(message);
    };
    whenSearchIsWanted(function () {
      worker = new RealWorker(url, options);
      worker.addEventListener("message", function (event) {
        standIn.dispatchEvent(new MessageEvent("message", { data: event.data }));
      });
      queued.splice(0).forEach(function (message) { worker.postMessage(message); });
    });
    return standIn;
  };

  // The index download is sent once search is wanted.
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.isSearchIndex = SEARCH_INDEX.test(pathOf(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this;
    var args = arguments;
    if (!request.isSearchIndex) return send.apply(request, args);
    whenSearchIsWanted(function () { send.apply(request, args); });
  };

  document.addEventListener("focusin", function (event) {
    if (event.target.closest && event.target.closest("[data-md-component=search]")) searchIsWanted();
  });
})();
