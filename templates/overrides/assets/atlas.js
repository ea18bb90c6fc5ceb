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

/*
 * Tooltips: the title of an element of the page (a footnote marker's note, a citation's
 * preview of the cited paragraph, an abbreviation's full name) shown on hover and on keyboard
 * focus, in Material's tooltip style, and always as text.
 *
 * Why not Material's own `content.tooltips`: it reads the title and writes it into the
 * tooltip as HTML (innerHTML), and makes titles of its own from the words of a cut-off header
 * or navigation label the same way. Resolution text reaches those titles, so a footnote
 * reading "<img src=x onerror=alert(1)>" ran as a script on hover, "&amp;" showed as "&" and
 * "<script>...</script>" vanished. Escaping each title twice for it would have made every
 * other reader of the attribute wrong instead: the browser's own tooltip (no JavaScript),
 * screen readers, copy and paste would all get "&lt;" for "<". So the attribute holds the
 * text as HTML means it, escaped once, and this script shows it with textContent, never as
 * markup. Without JavaScript the browser's own tooltip shows the same words.
 *
 * While a tooltip is shown its host's title is set aside (no second, native tooltip) and the
 * host is described by the tooltip instead (aria-describedby), as Material did. It stays while
 * the pointer is over the host or the host has focus, and Escape dismisses it. Like Material's,
 * it lets the pointer through, so it never stands in the way of the line below.
 */
(function () {
  "use strict";

  var SCOPE = ".md-content"; /* the page's own content: header and sidebars keep native tips */
  var LINGER = 250; /* ms a tooltip stays after the pointer or focus leaves, as Material's */
  var current = null; /* {host, tip, title, describedby, hovered, focused}: the one shown */
  var dismissed = null; /* a host closed with Escape: not shown again until left */
  var hiding = 0;
  var made = 0;

  function hostOf(node) {
    if (current && current.host.contains(node)) {
      return current.host;
    }
    var host = node instanceof Element ? node.closest("[title]") : null;
    return host && host.getAttribute("title") && host.closest(SCOPE) ? host : null;
  }

  function place() {
    var box = current.host.getBoundingClientRect();
    var style = current.tip.style;
    style.setProperty("--md-tooltip-host-x", box.left + window.scrollX + "px");
    style.setProperty("--md-tooltip-host-y", box.top + window.scrollY + "px");
    style.setProperty("--md-tooltip-x", box.width / 2 + "px");
    style.setProperty("--md-tooltip-y", box.height + 8 + "px");
    style.setProperty("--md-tooltip-tail", "0px");
    style.setProperty("--md-tooltip-width",
      current.tip.firstChild.getBoundingClientRect().width + "px");
  }

  function show(host) {
    window.clearTimeout(hiding);
    if (current && current.host === host) {
      return;
    }
    hide();
    var tip = document.createElement("div");
    tip.className = "md-tooltip2 md-tooltip2--bottom atlas-tooltip";
    tip.id = "atlas-tooltip-" + (made += 1);
    tip.setAttribute("role", "tooltip");
    var inner = document.createElement("div");
    inner.className = "md-tooltip2__inner md-typeset";
    inner.textContent = host.getAttribute("title"); /* text, never markup */
    tip.appendChild(inner);
    document.body.appendChild(tip);
    current = {host: host, tip: tip, title: host.getAttribute("title"),
               describedby: host.getAttribute("aria-describedby"),
               hovered: false, focused: false};
    host.removeAttribute("title");
    host.setAttribute("aria-describedby", tip.id);
    place();
    window.requestAnimationFrame(function () {
      tip.classList.add("md-tooltip2--active");
    });
  }

  function hide() {
    window.clearTimeout(hiding);
    if (!current) {
      return;
    }
    var host = current.host;
    host.setAttribute("title", current.title);
    if (current.describedby === null) {
      host.removeAttribute("aria-describedby");
    } else {
      host.setAttribute("aria-describedby", current.describedby);
    }
    current.tip.remove();
    current = null;
  }

  function settle() {
    window.clearTimeout(hiding);
    if (current && !current.hovered && !current.focused) {
      hiding = window.setTimeout(hide, LINGER);
    }
  }

  function within(node) {
    return current && node instanceof Node && current.host.contains(node);
  }

  document.addEventListener("mouseover", function (event) {
    if (within(event.target)) {
      current.hovered = true;
      window.clearTimeout(hiding);
      return;
    }
    var host = hostOf(event.target);
    if (host && host !== dismissed) {
      show(host);
      current.hovered = true;
    }
  });

  document.addEventListener("mouseout", function (event) {
    if (current && within(event.target) && !within(event.relatedTarget)) {
      current.hovered = false;
      settle();
    }
    if (dismissed && !dismissed.contains(event.relatedTarget)) {
      dismissed = null;
    }
  });

  document.addEventListener("focusin", function (event) {
    var host = hostOf(event.target);
    if (host && host !== dismissed) {
      show(host);
      current.focused = true;
    }
  });

  document.addEventListener("focusout", function (event) {
    if (current && current.host.contains(event.target)) {
      current.focused = false;
      settle();
    }
    if (dismissed && dismissed.contains(event.target)) {
      dismissed = null;
    }
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && current) {
      dismissed = current.host;
      hide();
    }
  });

  window.addEventListener("scroll", function () {
    if (current) {
      place();
    }
  }, {passive: true, capture: true});
  window.addEventListener("resize", function () {
    if (current) {
      place();
    }
  });
})();
