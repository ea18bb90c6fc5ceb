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

/*
 * The overview's filters and zoom. The picture is drawn at build time with every lane and
 * dot, and the form above it is hidden: without JavaScript the whole picture shows, scaled to
 * its frame. Here the form is shown; choosing a series, a committee or a session hides the
 * dots (and timeline entries) that do not match, closes up the lanes left empty and redraws
 * the arrows between the dots still shown; the zoom widens the picture inside its frame,
 * which then scrolls sideways. Nothing is fetched: it works from file:// as from a server.
 */
(function () {
  "use strict";

  var KEYS = ["series", "committee", "session"];

  /* The curve of generator/views/overview.py's arrow_path: a low bow along a lane, straight across. */
  function arrowPath(x1, y1, x2, y2) {
    var bow = y1 === y2 ? Math.min(10, Math.max(5, Math.abs(x1 - x2) / 5)) : 0;
    var mx = (x1 + x2) / 2;
    var my = (y1 + y2) / 2 - bow;
    return "M" + x1 + "," + y1 + " Q" + mx.toFixed(1) + "," + my.toFixed(1) + " " +
      x2 + "," + y2;
  }

  function show(node, shown) {
    if (shown) {
      node.removeAttribute("data-atlas-out");
    } else {
      node.setAttribute("data-atlas-out", "");
    }
  }

  /* Does a dot or entry match every filter chosen? A dot's series is its lane's. */
  function matches(node, choice, series) {
    return KEYS.every(function (key) {
      var value = key === "series" && series ? series : node.getAttribute("data-" + key);
      return !choice[key] || value === choice[key];
    });
  }

  /* Hide what does not match, close up the empty lanes; returns the dots shown. */
  function filterGraph(svg, choice) {
    var rows = svg.querySelectorAll(".atlas-graph__row");
    var at = {};
    var count = 0;
    var top = rows.length ? Number(rows[0].getAttribute("data-top")) : 0;
    rows.forEach(function (row) {
      var series = row.getAttribute("data-series");
      var dy = top - Number(row.getAttribute("data-top"));
      var shown = 0;
      row.querySelectorAll("a[data-symbol]").forEach(function (dot) {
        var ok = matches(dot, choice, series);
        var circle = dot.querySelector("circle");
        show(dot, ok);
        if (ok) {
          shown += 1;
          at[dot.getAttribute("data-symbol")] = [Number(circle.getAttribute("cx")),
            Number(circle.getAttribute("cy")) + dy];
        }
      });
      show(row, shown > 0);
      if (dy) {
        row.setAttribute("transform", "translate(0 " + dy + ")");
      } else {
        row.removeAttribute("transform");
      }
      top += shown ? Number(row.getAttribute("data-height")) : 0;
      count += shown;
    });
    svg.querySelectorAll(".atlas-graph__edge").forEach(function (edge) {
      var from = at[edge.getAttribute("data-from")];
      var to = at[edge.getAttribute("data-to")];
      show(edge, Boolean(from && to));
      if (from && to) {
        edge.setAttribute("d", arrowPath(from[0], from[1], to[0], to[1]));
      }
    });
    var box = svg.viewBox.baseVal; /* the height attribute sets the aspect ratio too */
    svg.setAttribute("viewBox", "0 0 " + box.width + " " + (top + 6));
    svg.setAttribute("height", top + 6);
    return count;
  }

  /* The timeline below follows the same filters; a year with nothing left is hidden. */
  function filterTimeline(choice) {
    document.querySelectorAll(".atlas-timeline__list").forEach(function (list) {
      var shown = 0;
      list.querySelectorAll("li[data-series]").forEach(function (entry) {
        var ok = matches(entry, choice, "");
        show(entry, ok);
        shown += ok ? 1 : 0;
      });
      show(list, shown > 0);
      if (list.previousElementSibling) {
        show(list.previousElementSibling, shown > 0);
      }
    });
  }

  function zoom(figure, svg, factor) {
    svg.style.width = factor === "1" ? "" : Number(factor) * 100 + "%";
    figure.setAttribute("data-zoom", factor);
  }

  function setUp(figure) {
    var form = figure.querySelector("form[data-atlas-filters]");
    var svg = figure.querySelector("svg[data-atlas-graph]");
    if (!form || !svg) {
      return;
    }
    var total = svg.querySelectorAll("a[data-symbol]").length;
    var output = form.querySelector("output");
    function update() {
      var choice = {};
      KEYS.forEach(function (key) {
        choice[key] = form.elements[key].value;
      });
      var count = filterGraph(svg, choice);
      filterTimeline(choice);
      zoom(figure, svg, form.elements.zoom.value);
      var any = KEYS.some(function (key) { return choice[key]; });
      output.textContent = any ? count + " of " + total + " resolutions shown" : "";
    }
    form.addEventListener("change", update);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    update(); /* a form the browser restored on going back applies at once */
  }

  function start() {
    document.querySelectorAll("[data-atlas-overview]").forEach(setUp);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
