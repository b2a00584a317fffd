/* The beamer and the facilitator's page of a live session (PROTOCOL.md): the results region
 * follows the session over a WebSocket, or by polling where the socket cannot open. The server
 * renders the region; this only swaps it and announces the count politely. When the step or
 * the session's openness changes, the page reloads (its headings and buttons change too).
 * A beamer link that stops working (revoked, replaced: the socket closes with 4403; polling
 * gets 404 or 410) reloads too, into the page that says so.
 */
(function () {
  "use strict";
  var box = document.querySelector("[data-live-screen]");
  if (!box || !window.JSON) { return; }
  var statusLine = document.getElementById("live-status");
  var revision = parseInt(box.getAttribute("data-revision"), 10) || 0;
  var step = box.getAttribute("data-step");
  var revealed = box.getAttribute("data-revealed");
  var open = box.getAttribute("data-open");
  var reloadOnReveal = box.hasAttribute("data-reload-on-reveal");
  var failedOpens = 0;
  var backoff = 1000;
  var polling = false;

  function render(state) {
    if (state.type !== "screen" || state.revision < revision) { return; }
    revision = state.revision;
    var changedStep = state.step.key !== step || String(state.open) !== open;
    var changedReveal = String(state.step.revealed) !== revealed;
    if (changedStep || (reloadOnReveal && changedReveal)) {
      window.location.reload();
      return;
    }
    revealed = String(state.step.revealed);
    box.innerHTML = state.html;
    var count = box.querySelector("[data-announce]");
    if (count && statusLine) { statusLine.textContent = count.textContent; }
  }

  function connect() {
    var opened = false;
    var socket;
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    try {
      socket = new window.WebSocket(scheme + window.location.host + box.getAttribute("data-ws"));
    } catch (e) {
      return startPolling();
    }
    socket.onopen = function () { opened = true; failedOpens = 0; backoff = 1000; };
    socket.onmessage = function (event) {
      try { render(JSON.parse(event.data)); } catch (e) { /* not ours */ }
    };
    socket.onerror = function () { /* onclose follows and decides */ };
    socket.onclose = function (event) {
      if (opened && (event.code === 4403 || event.code === 4410)) {
        window.location.reload();
        return;
      }
      if (!opened) { failedOpens += 1; }
      if (failedOpens >= 2) { return startPolling(); }
      window.setTimeout(connect, backoff);
      backoff = Math.min(backoff * 2, 15000);
    };
  }

  function poll() {
    if (!window.fetch) { return; }
    fetch(box.getAttribute("data-state-url"), {
      credentials: "same-origin",
      headers: { "Accept": "application/json" }
    }).then(function (response) {
      if (response.status === 404 || response.status === 410) {
        window.location.reload();
        return {};
      }
      return response.json();
    }).then(render).catch(function () {
      /* the next poll tries again */
    });
  }

  function startPolling() {
    if (polling) { return; }
    polling = true;
    poll();
    window.setInterval(poll, 3000);
  }

  connect();
})();
