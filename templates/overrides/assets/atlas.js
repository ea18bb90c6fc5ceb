/*
 * Paragraph permalinks. Each ¶ is a plain <a href="#op6">, so without JavaScript it still
 * leads to the paragraph (and :target highlights it). With JavaScript, the click also copies
 * the paragraph's absolute URL to the clipboard and says so, visibly and to screen readers.
 */
(function () {
  "use strict";

  /* Write text to the clipboard; falls back to a hidden textarea where the async API is
     missing (some browsers refuse it on file:// pages). */
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      try {
        if (document.execCommand("copy")) {
          resolve();
        } else {
          reject(new Error("copy refused"));
        }
      } catch (error) {
        reject(error);
      } finally {
        document.body.removeChild(area);
      }
    });
  }

  /* One polite live region per page, created on first use. */
  function announce(message) {
    var region = document.getElementById("atlas-live");
    if (!region) {
      region = document.createElement("div");
      region.id = "atlas-live";
      region.className = "atlas-visually-hidden";
      region.setAttribute("aria-live", "polite");
      document.body.appendChild(region);
    }
    region.textContent = message;
  }

  function flag(link, state) {
    link.setAttribute("data-atlas-state", state);
    window.setTimeout(function () {
      link.removeAttribute("data-atlas-state");
    }, 1800);
  }

  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element
      ? event.target.closest("a.atlas-permalink")
      : null;
    if (!link) {
      return;
    }
    var url = new URL(link.getAttribute("href"), window.location.href).href;
    copyText(url).then(function () {
      flag(link, "copied");
      announce("Link copied: " + url);
    }, function () {
      flag(link, "failed");
      announce("Could not copy the link; it is now in the address bar.");
    });
  });
})();
