// "Kopieer de link" beside a read-only link box (input.link-box[data-copy-label]): the button is
// made here, so without JavaScript the box stays as it is (select the text and copy it).
(function () {
  "use strict";
  document.querySelectorAll("input.link-box[data-copy-label]").forEach(function (box) {
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = box.getAttribute("data-copy-label");
    var said = document.createElement("span");
    said.setAttribute("role", "status");
    said.className = "copy-said";
    button.addEventListener("click", function () {
      box.select();
      var done = function () { said.textContent = box.getAttribute("data-copied"); };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(box.value).then(done, function () {
          document.execCommand("copy");
          done();
        });
      } else {
        document.execCommand("copy");
        done();
      }
    });
    box.insertAdjacentElement("afterend", said);
    box.insertAdjacentElement("afterend", button);
  });
})();
