/*
 * Search on demand. Material starts its search worker and downloads the
 * search index on every page load, though most visitors never search: on a
 * poor connection that is a third of the page's weight. This holds both back
 * until the visitor turns to search (focuses the search box, opens search on a
 * phone or presses a search shortcut), or arrives from a search result whose
 * words are highlighted. Loaded just before the theme's script, which it
 * does not change.
 */
(function () {
  var SEARCH_WORKER = /\/workers\/search\.[^/]*\.js$/;
  var SEARCH_INDEX = /\/search\/search_index\.json$/;
  var wanted = false;
  var waiting = [];

  function pathOf(url) {
    return new URL(url, location.href).pathname;
  }

  function whenSearchIsWanted(start) {
    if (wanted) start();
    else waiting.push(start);
  }

  function searchIsWanted() {
    if (wanted) return;
    wanted = true;
    waiting.splice(0).forEach(function (start) { start(); });
  }

  // The theme talks to a stand-in until the real worker starts.
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
  if (new URLSearchParams(location.search).has("h")) searchIsWanted();
})();
