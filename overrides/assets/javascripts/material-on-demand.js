/*
 * Material's script and its search, each started when the visitor needs it
 * (README: Performance). A page loads in Material's no-JavaScript mode, which
 * reads, navigates and prints, and Material's script starts at the visitor's
 * first key, tap, click, mouse movement, scroll or focus, from the address
 * hooks/material_on_demand.py leaves in a placeholder. Its search worker and
 * index wait longer, until the visitor turns to search.
 */
(function () {
  var FIRST_INTERACTION = ["keydown", "pointerdown", "pointermove", "wheel", "scroll", "focusin"];
  var LISTENING = { capture: true, passive: true };
  var SEARCH_SHORTCUTS = ["/", "s", "f"];
  var started = false;

  function materialStarted() {
    return document.documentElement.classList.contains("js");
  }

  function searchBox() {
    return document.querySelector("[data-md-component=search-query]");
  }

  function isShortcut(event) {
    return event.type === "keydown" && event.key.length === 1
      && !(event.ctrlKey || event.altKey || event.metaKey)
      && !event.target.matches("input, textarea, select, [contenteditable]");
  }

  function listenForFirstInteraction() {
    FIRST_INTERACTION.forEach(function (type) {
      window.addEventListener(type, startMaterialScript, LISTENING);
    });
  }

  function passOnShortcut(event) {
    event.target.dispatchEvent(new KeyboardEvent("keydown", {
      key: event.key, code: event.code, bubbles: true, cancelable: true, shiftKey: event.shiftKey
    }));
  }

  function startMaterialScript(event) {
    FIRST_INTERACTION.forEach(function (type) {
      window.removeEventListener(type, startMaterialScript, LISTENING);
    });
    var placeholder = document.querySelector("script[data-material-script]");
    if (started || !placeholder) return;
    started = true;
    var script = document.createElement("script");
    script.src = placeholder.getAttribute("data-material-script");
    script.addEventListener("load", function () {
      // Material sets up the page (sidebars, contents, header) when the
      // document is ready: an event that has long passed.
      window.document$.next(document);
      if (isShortcut(event) && SEARCH_SHORTCUTS.indexOf(event.key) < 0) passOnShortcut(event);
    });
    script.addEventListener("error", function () {
      // Offline for a moment: try again at the next interaction.
      script.remove();
      started = false;
      listenForFirstInteraction();
    });
    placeholder.after(script);
  }

  // A search shortcut before the script started: the search box takes focus
  // at once (which starts search), and Firefox's own find bar stays closed.
  function openSearchEarly(event) {
    if (materialStarted() || !isShortcut(event) || SEARCH_SHORTCUTS.indexOf(event.key) < 0) return;
    event.preventDefault();
    searchBox().focus();
  }

  // Search opened on a phone before the script started: the search box takes
  // focus as Material would, while the tap lasts, so the keyboard opens.
  function focusSearchOpenedEarly(event) {
    if (!materialStarted() && event.target.id === "__search" && event.target.checked) searchBox().focus();
  }

  // Until the script starts, Enter in the search box would put the query in
  // the address bar and the history. Material never sends the form.
  function keepQueryOutOfAddress(event) {
    if (event.target.getAttribute("name") === "search") event.preventDefault();
  }

  listenForFirstInteraction();
  document.addEventListener("keydown", openSearchEarly);
  document.addEventListener("change", focusSearchOpenedEarly);
  document.addEventListener("submit", keepQueryOutOfAddress);
  // Opened at a section (#...), Material closes the menu and search as it
  // starts: it starts with the page, not at a tap that may open one of them.
  if (location.hash) window.addEventListener("load", startMaterialScript);
})();

// Material's search worker and index, held back until search is wanted.
(function () {
  var SEARCH_WORKER = /\/workers\/search\.[^/]*\.js$/;
  var SEARCH_INDEX = /\/search\/search_index\.json$/;
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
