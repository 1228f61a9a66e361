/* policy_kb admin: mark the language tab that holds an error, open it and put the cursor in the first field
   with an error. Runs after django-modeltranslation has built its tabs (jQuery runs ready handlers in the
   order they were registered, and the tabs script registers first). No inline script: the CSP forbids it. */
(function () {
  "use strict";
  var script = document.getElementById("admin-tabs-script");
  var label = (script && script.getAttribute("data-error-label")) || "(error)";

  function hasError(panel) {
    return Boolean(panel && panel.querySelector(".errorlist, .errors"));
  }

  function markTabs() {
    var opened = [];
    document.querySelectorAll(".ui-tabs-nav").forEach(function (list) {
      var firstWithError = null;
      var activeHasError = false;
      list.querySelectorAll("li").forEach(function (tab) {
        var link = tab.querySelector("a[href^='#']");
        if (!link) return;
        var panel = document.getElementById(link.getAttribute("href").slice(1));
        if (!hasError(panel)) return;
        tab.classList.add("ui-tab-has-errors");
        link.setAttribute("aria-invalid", "true");
        if (!link.querySelector(".tab-error-marker")) {
          var marker = document.createElement("span");
          marker.className = "tab-error-marker";
          marker.textContent = label;
          link.appendChild(marker);
        }
        if (!firstWithError) firstWithError = link;
        if (tab.classList.contains("ui-tabs-active")) activeHasError = true;
      });
      if (firstWithError && !activeHasError) {
        firstWithError.click();
        opened.push(firstWithError);
      }
    });
    var field = document.querySelector(
      ".errors input:not([type=hidden]), .errors textarea, .errors select"
    );
    if (field && field.offsetParent !== null) {
      field.focus();
      if (typeof field.select === "function" && field.type !== "checkbox" && field.type !== "radio") {
        field.select();
      }
    } else if (opened.length) {
      opened[0].focus();
    }
  }

  if (window.django && window.django.jQuery) {
    window.django.jQuery(markTabs);
  } else {
    document.addEventListener("DOMContentLoaded", markTabs);
  }
})();
