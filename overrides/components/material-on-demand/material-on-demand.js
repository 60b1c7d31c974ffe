/*
 * Material's script and its search, each started when the visitor needs it
 * (README: Performance). A page loads in Material's no-JavaScript mode, which
 * reads, navigates and prints, and Material's script starts at the visitor's
 * first key, tap, click, mouse movement, scroll or focus, from the address
 * hooks/material_on_demand.py leaves in a placeholder. Its search worker and
 * index wait longer, until the visitor turns to search; in Welsh, the queries
 * the worker gets are told about Welsh mutations.
 */
(function () {
  var FIRST_INTERACTION = ["keydown", "pointerdown", "pointermove", "wheel", "scroll", "focusin"];
  var LISTENING = { capture: true, passive: true };
  var SEARCH_SHORTCUTS = ["/", "s", "f"];
  var RETRY_AFTER_MS = 5000;
  var placeholder = document.querySelector("script[data-material-script]");
  var started = false;
  var keysPressedEarly = [];
  if (!placeholder) return;

  function materialStarted() {
    return document.documentElement.classList.contains("js");
  }

  function isShortcut(event) {
    return Boolean(event.key) && event.key.length === 1
      && !(event.ctrlKey || event.altKey || event.metaKey)
      && !event.target.matches("input, textarea, select, [contenteditable]");
  }

  function focusSearchBox() {
    document.querySelector("[data-md-component=search-query]").focus();
  }

  function listenForFirstInteraction() {
    FIRST_INTERACTION.forEach(function (type) {
      window.addEventListener(type, startMaterialScript, LISTENING);
    });
  }

  function passOn(event) {
    event.target.dispatchEvent(new KeyboardEvent("keydown", {
      key: event.key, code: event.code, bubbles: true, cancelable: true, shiftKey: event.shiftKey
    }));
  }

  // Pages come with their tables wrapped as Material wraps them
  // (hooks/material_on_demand.py); Material wraps them again as it starts.
  function unwrapTables() {
    document.querySelectorAll(".md-typeset__scrollwrap > .md-typeset__table > table:not([class])")
      .forEach(function (table) { table.parentElement.parentElement.replaceWith(table); });
  }

  function materialArrived() {
    // Material sets up the page (sidebars, contents, header) when the
    // document is ready, which has happened before it arrives.
    unwrapTables();
    window.document$.next(document);
    keysPressedEarly.splice(0).forEach(passOn);
  }

  function startMaterialScript() {
    if (started) return;
    started = true;
    FIRST_INTERACTION.forEach(function (type) {
      window.removeEventListener(type, startMaterialScript, LISTENING);
    });
    // Not before the document is ready: Material would set the page up itself
    // then, around tables still wrapped (materialArrived does it once).
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", loadMaterialScript);
    else loadMaterialScript();
  }

  function loadMaterialScript() {
    var script = document.createElement("script");
    script.src = placeholder.getAttribute("data-material-script");
    script.addEventListener("load", materialArrived);
    script.addEventListener("error", function () {
      // Offline for a moment, say: try again at an interaction a little later.
      script.remove();
      started = false;
      window.setTimeout(listenForFirstInteraction, RETRY_AFTER_MS);
    });
    placeholder.after(script);
  }

  // A key pressed before the script has arrived. A search shortcut opens
  // search at once, as Material would (and Firefox's find bar stays shut);
  // other shortcuts (n, p) are passed on when it arrives.
  function keyPressedEarly(event) {
    if (materialStarted() || !isShortcut(event)) return;
    if (SEARCH_SHORTCUTS.indexOf(event.key) < 0) {
      keysPressedEarly.push(event);
      return;
    }
    event.preventDefault();
    document.getElementById("__search").checked = true;
    focusSearchBox();
  }

  // Search opened on a phone before the script has arrived: the search box
  // takes focus as Material would, while the tap lasts, so the keyboard opens.
  function searchOpenedEarly(event) {
    if (!materialStarted() && event.target.id === "__search" && event.target.checked) focusSearchBox();
  }

  // Material never sends the search form (Enter opens a result). Before it
  // has arrived the browser would, putting the query in the address bar and
  // the history.
  function keepQueryOutOfAddress(event) {
    if (event.target.getAttribute("name") === "search") event.preventDefault();
  }

  document.addEventListener("keydown", keyPressedEarly);
  document.addEventListener("change", searchOpenedEarly);
  document.addEventListener("submit", keepQueryOutOfAddress);
  // On a page opened at a section (#...), Material closes the menu and search
  // as it starts, so there it starts with the page, as it would without us,
  // rather than at a tap that may be opening one of them.
  if (location.hash) startMaterialScript();
  else listenForFirstInteraction();
})();

// Material's search worker and index, held back until search is wanted.
(function () {
  // Welsh search: a word found whatever its mutation (README: Search). The
  // Welsh index carries, in the config Material sends the worker as it starts,
  // the tables of wales_site/i18n/welsh_mutations.py and the Welsh stop words
  // (wales_site/theme/welsh_search_index.py); the English index does not, and
  // its messages pass as they are. Each word of a Welsh query is asked for in
  // every form that shares a radical with it ("Nghymru": nghymru cymru gymru
  // chymru), stop words are left out of a query that has other words, and each
  // result says which of the words typed it has, as Material would.
  function welshSearch() {
    var SETUP = 0, QUERY = 2, RESULT = 3;  // Material's search message types
    var PLAIN_QUERY = /^[^"+*:~^]*$/;       // no phrases, presence or fields: Material's syntax passes as typed
    var settings = null;
    var separator = null;                   // Material's, from the same config
    var asked = [];                         // for each query sent, its words' forms, the word typed first

    function rewrite(word, table) {
      var longest = Math.max.apply(null, Object.keys(table).map(function (key) { return key.length; }));
      for (var length = Math.min(word.length, longest); length > 0; length--) {
        var rewrites = table[word.slice(0, length)];
        if (rewrites) return rewrites.map(function (start) { return start + word.slice(length); });
      }
      return [];
    }

    function relatedForms(word) {
      var radicals = [word].concat(rewrite(word, settings.radical_prefixes));
      var forms = radicals.concat.apply(radicals, radicals.map(function (radical) {
        return rewrite(radical, settings.mutated_prefixes);
      }));
      return forms.filter(function (form, i) { return form && forms.indexOf(form) === i; });
    }

    function formsOfQuery(query) {
      if (!PLAIN_QUERY.test(query) || /(^|\s)-/.test(query)) return null;
      var words = query.toLowerCase().split(separator).filter(Boolean);
      var content = words.filter(function (word) { return settings.stop_words.indexOf(word) < 0; });
      if (!content.length) return null;
      return content.map(relatedForms);
    }

    function termsAsTyped(terms, forms) {
      var typed = {};
      forms.forEach(function (group) {
        var found = group.some(function (form) { return terms[form]; });
        if (found || group[0] in terms) typed[group[0]] = found;
      });
      return typed;
    }

    return {
      toWorker: function (message) {
        if (message.type === SETUP) {
          settings = message.data.config.welsh_search || null;
          separator = new RegExp(message.data.config.separator);
        }
        if (message.type !== QUERY || !settings) return message;
        var forms = formsOfQuery(message.data);
        asked.push(forms);
        if (!forms) return message;
        return { type: QUERY, data: [].concat.apply([], forms).join(" ") };
      },
      fromWorker: function (message) {
        var forms = message.type === RESULT && settings ? asked.shift() : null;
        if (forms) message.data.items.forEach(function (page) {
          page.forEach(function (item) { item.terms = termsAsTyped(item.terms, forms); });
        });
        return message;
      }
    };
  }

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
    var welsh = welshSearch();
    standIn.postMessage = function (message) {
      message = welsh.toWorker(message);
      if (worker) worker.postMessage(message);
      else queued.push(message);
    };
    whenSearchIsWanted(function () {
      worker = new RealWorker(url, options);
      worker.addEventListener("message", function (event) {
        standIn.dispatchEvent(new MessageEvent("message", { data: welsh.fromWorker(event.data) }));
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
