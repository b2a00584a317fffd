/* The participant's voting page of a live session (PROTOCOL.md).
 *
 * Votes go over a WebSocket; every vote waits in localStorage until the server acknowledges it,
 * and is sent again after a reconnect (the server keeps one vote per item, so nothing counts
 * twice). Where the socket cannot open (a proxy), the page polls over HTTP instead. Plain ES5
 * and fetch, for old phones; without JS the form posts as a normal form.
 */
(function () {
  "use strict";
  var form = document.getElementById("live-vote");
  if (!form || !window.JSON || !window.fetch) { return; }

  var code = form.getAttribute("data-code");
  var storeKey = "stuurknop-live-" + code;
  var csrf = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  var statusLine = document.getElementById("live-status");
  var stepBox = document.getElementById("live-step");
  var resultsBox = document.getElementById("live-own-results");
  var stepKey = form.getAttribute("data-step");
  var shownResults = null;  // the results HTML last put in resultsBox (the page's own at first)
  var revision = parseInt(form.getAttribute("data-revision"), 10) || 0;
  var socket = null;
  var ready = false;      // the socket is open and said hello
  var polling = false;
  var failedOpens = 0;
  var backoff = 1000;
  var closed = false;
  var queue = load();

  function text(name) { return form.getAttribute("data-text-" + name) || ""; }
  function say(message) { statusLine.textContent = message; }

  function load() {
    try { return JSON.parse(window.localStorage.getItem(storeKey)) || {}; } catch (e) { return {}; }
  }
  function save() {
    try { window.localStorage.setItem(storeKey, JSON.stringify(queue)); } catch (e) { /* private mode */ }
  }
  function pending() { return Object.keys(queue).length > 0; }
  function newId() {
    return Date.now().toString(36) + "-" + Math.random().toString(36).slice(2, 10);
  }

  function errorBox(item) {
    return stepBox.querySelector("[data-error-for='" + item + "']");
  }
  function mark(fieldset, invalid) {
    fieldset.className = invalid ? "live-item invalid" : "live-item";
    var fields = fieldset.querySelectorAll("input, textarea");
    for (var i = 0; i < fields.length; i++) {
      if (invalid) { fields[i].setAttribute("aria-invalid", "true"); }
      else { fields[i].removeAttribute("aria-invalid"); }
    }
  }
  function showError(item, message) {
    var box = item ? errorBox(item) : null;
    if (box) {
      box.textContent = message;
      mark(box.parentNode, true);
    } else {
      say(message);
    }
  }
  function clearError(item) {
    var box = errorBox(item);
    if (box) {
      box.textContent = "";
      mark(box.parentNode, false);
    }
  }

  // --- Votes ---------------------------------------------------------------------------

  function collect(fieldsets) {
    var votes = [];
    for (var i = 0; i < fieldsets.length; i++) {
      var set = fieldsets[i];
      var item = set.getAttribute("data-item");
      var checked = set.querySelector("input[type=radio]:checked");
      var area = set.querySelector("textarea");
      var remark = area ? area.value.trim() : "";
      if (set.querySelector("input[type=radio]")) {
        if (checked) { votes.push({ item: item, score: parseInt(checked.value, 10), remark: remark }); }
      } else if (remark) {
        votes.push({ item: item, score: null, remark: remark });
      }
    }
    return votes;
  }

  function cast(votes) {
    for (var i = 0; i < votes.length; i++) {
      votes[i].id = newId();
      queue[votes[i].item] = votes[i];
    }
    save();
    flush();
    if (!ready && !polling) { say(text("waiting")); }
  }

  function flush() {
    var items = Object.keys(queue);
    if (!items.length || closed) { return; }
    if (ready) {
      for (var i = 0; i < items.length; i++) {
        var vote = queue[items[i]];
        socket.send(JSON.stringify({ type: "vote", id: vote.id, item: vote.item, score: vote.score, remark: vote.remark }));
      }
    } else if (polling) {
      var votes = items.map(function (key) { return queue[key]; });
      fetch(form.getAttribute("data-vote-url"), {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "Accept": "application/json", "X-CSRFToken": csrf },
        body: JSON.stringify({ votes: votes })
      }).then(function (response) { return response.json(); }).then(function (data) {
        (data.acks || []).forEach(acknowledged);
        (data.errors || []).forEach(refused);
        if (data.type === "error") { refused(data); }
      }).catch(function () { say(text("waiting")); });
    }
  }

  function acknowledged(ack) {
    var queued = queue[ack.item];
    if (queued && queued.id === ack.id) {
      delete queue[ack.item];
      save();
    }
    clearError(ack.item);
    say(text("saved"));
  }

  function refused(error) {
    if (error.code === "closed") { return showClosed(); }
    if (error.code === "too_fast") {
      window.setTimeout(flush, 3000);  // kept in the queue: sent again
    } else if (error.item && queue[error.item] && queue[error.item].id === error.id) {
      delete queue[error.item];  // a vote the server will never take: not sent again
      save();
    }
    showError(error.item, error.message);
  }

  // --- State -----------------------------------------------------------------------------

  function applyState(state) {
    if (!state.open) { return showClosed(); }
    if (!state.joined) { window.location.reload(); return; }  // the server sends us to join
    if (state.revision < revision) { return; }
    revision = state.revision;
    if (state.step.key !== stepKey) {
      stepKey = state.step.key;
      stepBox.innerHTML = state.html;
      say(text("new-step"));
    }
    // The step's revealed results, or nothing when it is not (or no longer) revealed: the
    // reveal and the hiding come as a state of the same step.
    showResults(state.results_html || "");
  }

  function showResults(html) {
    if (html === shownResults) { return; }  // a poll with the same results: no re-announcement
    shownResults = html;
    resultsBox.innerHTML = html;
  }

  function applyResults(message) {
    // Results made before a newer state (the step moved on or was hidden) are dropped.
    if (message.step !== stepKey || (message.revision || 0) < revision) { return; }
    revision = message.revision || revision;
    showResults(message.html || "");
  }

  function showClosed() {
    if (closed) { return; }
    closed = true;
    say(text("closed"));
    var fields = form.querySelectorAll("input, textarea, button, select");
    for (var i = 0; i < fields.length; i++) { fields[i].disabled = true; }
    if (socket) { socket.close(); }
  }

  function handle(message) {
    if (message.type === "state") { applyState(message); flush(); }
    else if (message.type === "ack") { acknowledged(message); }
    else if (message.type === "error") { refused(message); }
    else if (message.type === "results") { applyResults(message); }
    else if (message.type === "closed") { showClosed(); }
  }

  // --- Connection: socket first, polling when it cannot open ---------------------------

  function connect() {
    var opened = false;
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    try {
      socket = new window.WebSocket(scheme + window.location.host + form.getAttribute("data-ws"));
    } catch (e) {
      return startPolling();
    }
    socket.onopen = function () {
      opened = true;
      failedOpens = 0;
      backoff = 1000;
      socket.send(JSON.stringify({ type: "hello" }));
    };
    socket.onmessage = function (event) {
      var message;
      try { message = JSON.parse(event.data); } catch (e) { return; }
      if (message.type === "state") { ready = true; }
      handle(message);
    };
    socket.onerror = function () { /* onclose follows and decides */ };
    socket.onclose = function (event) {
      ready = false;
      socket = null;
      if (closed) { return; }
      if (event.code === 4410) { return showClosed(); }
      if (event.code === 4403) { window.location.reload(); return; }
      if (!opened) { failedOpens += 1; }
      if (failedOpens >= 2) { return startPolling(); }
      if (pending()) { say(text("waiting")); }
      window.setTimeout(connect, backoff);
      backoff = Math.min(backoff * 2, 15000);
    };
  }

  function poll() {
    fetch(form.getAttribute("data-state-url"), {
      credentials: "same-origin",
      headers: { "Accept": "application/json" }
    }).then(function (response) { return response.json(); }).then(function (data) {
      if (data.type === "state") { applyState(data); }
      else if (data.code === "closed") { showClosed(); }
    }).catch(function () { /* the next poll tries again */ });
  }

  function startPolling() {
    if (polling || closed) { return; }
    polling = true;
    poll();
    flush();
    var timer = window.setInterval(function () {
      if (closed) { window.clearInterval(timer); return; }
      poll();
      flush();
    }, 3000);
  }

  // --- The form --------------------------------------------------------------------------

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (closed) { return; }
    var votes = collect(stepBox.querySelectorAll("fieldset.live-item"));
    if (!votes.length) {
      var first = stepBox.querySelector("fieldset.live-item");
      if (first) { showError(first.getAttribute("data-item"), text("empty")); }
      return;
    }
    cast(votes);
  });

  // Tapping an answer sends it at once (the button stays for the remarks).
  stepBox.addEventListener("change", function (event) {
    var target = event.target;
    if (target.type !== "radio" || closed) { return; }
    var set = target.closest ? target.closest("fieldset.live-item") : null;
    if (set) { cast(collect([set])); }
  });

  connect();
})();
