/* The API's documentation page: Swagger UI gives its title an h1, each group of operations an
   h3 and the schemas' section an h4; both are read as level 2 so that the headings do not skip
   a level (WCAG 1.3.1). */
(function () {
  "use strict";
  var SKIPPING = "h3.opblock-tag:not([aria-level]), section.models > h4:not([aria-level])";
  function levelTags() {
    document.querySelectorAll(SKIPPING).forEach(function (heading) {
      heading.setAttribute("aria-level", "2");
    });
  }
  new MutationObserver(levelTags).observe(document.body, { childList: true, subtree: true });
  levelTags();
})();
