/* Downloads that say they are working (the documents page).
 *
 * Every link or GET form marked `data-download` inside a list marked `data-downloads` is a
 * plain download without JavaScript. With it, the file is fetched instead: when it takes more
 * than a second, the control is marked busy (aria-busy) and the item's polite status says so;
 * then the file is saved through a temporary <a download> on an object URL; a failure gets a
 * Dutch message in the same status. A document a worker is still making (202, with how far
 * it is in X-Job-Progress, said in the status; or 503 when many wait) is asked for again after
 * its Retry-After. The messages come from the
 * list's data attributes, so they are translated with the page. No inline script or style: the page's CSP forbids both.
 */
(function () {
  "use strict";

  var SLOW_MS = 1000;
  var MAX_TRIES = 60; // about two minutes of "still being made" before giving up

  function filenameFrom(response, fallback) {
    var header = response.headers.get("Content-Disposition") || "";
    var extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
    if (extended) {
      try {
        return decodeURIComponent(extended[1].trim());
      } catch (error) {
        /* a malformed name: fall through to the plain one */
      }
    }
    var plain = /filename\s*=\s*"([^"]+)"/i.exec(header) || /filename\s*=\s*([^;]+)/i.exec(header);
    return plain ? plain[1].trim() : fallback;
  }

  function save(blob, filename) {
    var url = URL.createObjectURL(blob);
    var anchor = document.createElement("a");
    anchor.href = url;
    anchor.download = filename;
    anchor.hidden = true;
    document.body.appendChild(anchor);
    anchor.click();
    anchor.remove();
    // The browser has taken the file once the click is handled; free the memory a bit later.
    window.setTimeout(function () { URL.revokeObjectURL(url); }, 30000);
  }

  function isDocument(response) {
    // Signed out meanwhile: the login page arrives (after a redirect) instead of the file.
    var type = response.headers.get("Content-Type") || "";
    return response.ok && !response.redirected && type.indexOf("text/html") !== 0;
  }

  // A worker makes the document: 202 says "still being made" (X-Job-Progress: how far, in
  // percent), 503 "too many at once"; both say when to ask again (Retry-After, in seconds).
  function fetchWhenReady(url, triesLeft, onProgress) {
    return fetch(url, { credentials: "same-origin" }).then(function (response) {
      if ((response.status !== 202 && response.status !== 503) || triesLeft <= 1) {
        return response;
      }
      var progress = parseInt(response.headers.get("X-Job-Progress") || "", 10);
      if (!isNaN(progress)) {
        onProgress(progress);
      }
      var seconds = parseInt(response.headers.get("Retry-After") || "2", 10);
      var wait = Math.min(Math.max(isNaN(seconds) ? 2 : seconds, 1), 30) * 1000;
      return new Promise(function (resolve) { window.setTimeout(resolve, wait); }).then(
        function () { return fetchWhenReady(url, triesLeft - 1, onProgress); }
      );
    });
  }

  function download(url, control, status, messages) {
    if (control.dataset.downloading) {
      return; // already on its way; a second click would make it twice
    }
    control.dataset.downloading = "true";
    status.textContent = "";
    status.classList.remove("download-failed");
    var slow = false;
    var progress = 0;
    function say() {
      status.textContent = progress > 0 ? messages.busy + " " + progress + " %" : messages.busy;
    }
    var timer = window.setTimeout(function () {
      slow = true;
      control.setAttribute("aria-busy", "true");
      control.classList.add("is-busy");
      say();
    }, SLOW_MS);

    fetchWhenReady(url, MAX_TRIES, function (percent) {
      progress = percent;
      if (slow) {
        say();
      }
    })
      .then(function (response) {
        if (!isDocument(response)) {
          throw new Error("status " + response.status);
        }
        var name = filenameFrom(response, "document");
        return response.blob().then(function (blob) { save(blob, name); });
      })
      .then(function () {
        status.textContent = slow ? messages.done : "";
      })
      .catch(function () {
        status.textContent = messages.error;
        status.classList.add("download-failed");
      })
      .finally(function () {
        window.clearTimeout(timer);
        control.classList.remove("is-busy");
        control.removeAttribute("aria-busy");
        delete control.dataset.downloading;
      });
  }

  function formUrl(form) {
    var url = new URL(form.action, window.location.href);
    new FormData(form).forEach(function (value, key) { url.searchParams.set(key, value); });
    return url.toString();
  }

  function enhance(list) {
    var messages = {
      busy: list.dataset.busy,
      done: list.dataset.done,
      error: list.dataset.error,
    };
    list.querySelectorAll("[data-download]").forEach(function (element) {
      var item = element.closest("li");
      var status = item && item.querySelector(".download-status");
      if (!status) {
        return;
      }
      if (element.tagName === "FORM") {
        var button = element.querySelector("button");
        element.addEventListener("submit", function (event) {
          event.preventDefault();
          download(formUrl(element), button, status, messages);
        });
      } else {
        element.addEventListener("click", function (event) {
          if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
            return; // a new tab or window, or "save as": the browser's own way
          }
          event.preventDefault();
          download(element.href, element, status, messages);
        });
      }
    });
  }

  function start() {
    if (!window.fetch || !window.URL || !URL.createObjectURL) {
      return; // the plain links still download
    }
    document.querySelectorAll("[data-downloads]").forEach(enhance);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
