/*
 * Search, in the header's box, from disk or hosted, with no server and no network.
 *
 * The index (generator/search.py) is a set of scripts, each handing its data to
 * atlasSearchLoaded(path, data): script tags load from file:// where fetch and XHR may not.
 * The first file (search/index.js) names the term shards and counts each resolution's records;
 * a query then loads only the term shards its words fall in, and a result list only the
 * records of the resolutions it shows.
 *
 * Queries: words are found case- and accent-insensitively, with their simple stems
 * ("divides" finds "divided"), the word being typed by its completions too. Symbols are found
 * as typed ("64/187", "A/RES/64/187"); with other words or a paragraph ("64/187 gender",
 * "A/RES/64/187 op3") a symbol narrows the search to that resolution. "session:64" or the
 * session list narrows to one session. Every word must be found in the same place.
 *
 * Inert text: every text of the index is set with textContent, never parsed as HTML.
 * Keyboard: "/" or "s" focuses the box; arrows move through the results; Enter opens the
 * first (or the one focused); Escape closes, as Material's own search does.
 */
(function () {
  "use strict";

  const SCRIPT = document.currentScript;
  const OWN_PATH = "assets/search.js";
  const ROOT = new URL("../", SCRIPT.src); // the site's root, where search/ lives
  // The site's root relative to this page ("../../" on A/RES/64/187.html), so result links
  // are relative too and work at any depth, from disk or under any path prefix.
  const SRC = SCRIPT.getAttribute("src") || "";
  const BASE = SRC.endsWith(OWN_PATH) ? SRC.slice(0, -OWN_PATH.length) : ROOT.href;
  const INDEX = "search/index.js"; // generator.paths.SEARCH_INDEX
  const FORMAT = 1; // generator.search.FORMAT
  const PAGE = 10; // resolutions shown at a time
  const SHOWN = 3; // places shown per resolution before "more"
  const MIN_PREFIX = 3; // the word being typed is completed from this many characters
  const SNIPPET = 220; // characters of a paragraph shown around the first word found

  /* Terms as generator/search.py cuts them: letters and digits, joined by "/" or ".". */
  const TERM = /[\p{L}\p{N}]+(?:[./][\p{L}\p{N}]+)*/gu;
  // The same on unfolded text (accents still there as combining marks), to mark words in it.
  const RAW_TERM = /[\p{L}\p{N}\p{M}]+(?:[./][\p{L}\p{N}\p{M}]+)*/gu;
  const SYMBOL_PREFIX = "a/res/";
  const ANCHOR = /^(?:[a-z]-)?(?:pp|op)\d+(?:-[a-z0-9]+)*$|^annex-p?\d+(?:-[a-z0-9]+)*$|^fn\d+$/i;
  const SESSION = /(^|\s)session:\s*(\S*)/gi;

  function fold(text) {
    return text.toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "");
  }

  function isSymbol(term) {
    return term.includes("/") && /\d/.test(term);
  }

  /* A simple suffix-stripping stemmer. Its stem is always a prefix of the word, so every
     word of one stem lies in one range of the sorted dictionary, in one run of shards. */
  const SUFFIXES = ["ations", "ments", "ities", "ation", "ings", "ment", "ing", "ies", "ied",
    "ity", "ed", "es", "s", "e", "y"];
  const MIN_STEM = 3;

  function stemmable(word) {
    return word.length > MIN_STEM && /^\p{L}+$/u.test(word);
  }

  function stem(word) {
    if (!stemmable(word)) {
      return word;
    }
    for (const suffix of SUFFIXES) {
      if (word.endsWith(suffix) && word.length - suffix.length >= MIN_STEM) {
        if (suffix === "s" && /[sui]s$/.test(word)) {
          continue; // "access", "status", "analysis" are not plurals
        }
        return word.slice(0, -suffix.length);
      }
    }
    return word;
  }

  /* Postings: base-45 digits in two sets of printable ASCII, a "more" digit continuing the
     number, a "last" digit ending it; each number the gap to the one before, less one. */
  const DIGIT = new Int8Array(128).fill(-1);
  (function () {
    let n = 0;
    for (let code = 0x21; code < 0x7f; code++) {
      if ('"\\<>'.indexOf(String.fromCharCode(code)) < 0) {
        DIGIT[code] = n++;
      }
    }
  })();

  function decode(encoded) {
    const out = new Int32Array(encoded.length);
    let count = 0;
    let value = 0;
    let previous = -1;
    for (let i = 0; i < encoded.length; i++) {
      const digit = DIGIT[encoded.charCodeAt(i)];
      if (digit < 45) {
        value = value * 45 + digit;
      } else {
        previous += value * 45 + (digit - 45) + 1;
        out[count++] = previous;
        value = 0;
      }
    }
    return out.subarray(0, count);
  }

  /* Loading: one script tag per file, once; the file calls atlasSearchLoaded. */
  const loaded = new Map();
  const loading = new Map();

  window.atlasSearchLoaded = function (path, data) {
    loaded.set(path, data);
  };

  function load(path) {
    if (!loading.has(path)) {
      loading.set(path, new Promise(function (resolve, reject) {
        const tag = document.createElement("script");
        const fail = function () {
          loading.delete(path);
          tag.remove();
          reject(new Error("search: could not load " + path));
        };
        tag.onload = function () {
          tag.remove();
          if (loaded.has(path)) {
            resolve(loaded.get(path));
          } else {
            fail();
          }
        };
        tag.onerror = fail;
        tag.src = new URL(path, ROOT).href;
        document.head.appendChild(tag);
      }));
    }
    return loading.get(path);
  }

  let indexPromise = null;

  function index() {
    if (!indexPromise) {
      indexPromise = load(INDEX).then(prepare);
      indexPromise.catch(function () {
        indexPromise = null; // try again on the next query
      });
    }
    return indexPromise;
  }

  /* The first file, with what queries need computed once: each resolution's first record,
     the resolution owning each record. */
  function prepare(data) {
    if (data.format !== FORMAT) {
      throw new Error("search: index format " + data.format + ", expected " + FORMAT);
    }
    const counts = data.counts;
    const starts = new Int32Array(counts.length + 1);
    for (let i = 0; i < counts.length; i++) {
      starts[i + 1] = starts[i] + counts[i];
    }
    const owner = new Int32Array(starts[counts.length]);
    for (let i = 0; i < counts.length; i++) {
      owner.fill(i, starts[i], starts[i + 1]);
    }
    fillSessions(data.sessions);
    return {
      data: data,
      starts: starts,
      owner: owner,
      total: owner.length,
      stop: new Set(data.stopWords),
      firsts: data.terms.map(function (entry) { return entry[0]; }),
      shards: new Map(),
    };
  }

  /* A term shard as two arrays, its postings decoded on first use. */
  async function shard(ix, number) {
    if (!ix.shards.has(number)) {
      ix.shards.set(number, load(ix.data.terms[number][1]).then(function (flat) {
        const words = [];
        const postings = [];
        for (let i = 0; i < flat.length; i += 2) {
          words.push(flat[i]);
          postings.push(flat[i + 1]);
        }
        return {words: words, postings: postings, decoded: new Map()};
      }));
    }
    return ix.shards.get(number);
  }

  function postingsOf(part, i) {
    if (!part.decoded.has(i)) {
      part.decoded.set(i, decode(part.postings[i]));
    }
    return part.decoded.get(i);
  }

  /* Index of the last entry of the sorted array that is <= value (-1 if none). */
  function lastAtMost(sorted, value) {
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (sorted[middle] <= value) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low - 1;
  }

  /* What one word of a query matches: the word itself (weight 3), words of its stem (2),
     and for the word being typed its completions (1). All lie in [low, high]. */
  function wordQuery(term, typing) {
    const stemmed = stemmable(term) ? stem(term) : null;
    const prefix = typing && term.length >= (isSymbol(term) ? 2 : MIN_PREFIX);
    const low = stemmed || term;
    const high = stemmed || prefix ? low + "\uffff" : term;
    return {
      term: term, stem: stemmed, prefix: prefix, low: low, high: high, symbol: isSymbol(term),
      weight: function (word) {
        if (word === term) return 3;
        if (stemmed && stem(word) === stemmed) return 2;
        if (prefix && word.startsWith(term)) return 1;
        return 0;
      },
    };
  }

  /* The query as typed: words, the session asked for, paragraph anchors after a symbol. */
  function parse(raw, ix) {
    let session = null;
    const text = raw.replace(SESSION, function (_, before, value) {
      session = value;
      return before;
    });
    const anchors = [];
    let pieces = text.split(/\s+/).filter(Boolean);
    if (pieces.some(function (piece) { return isSymbol(fold(piece)); })) {
      pieces = pieces.filter(function (piece) {
        const anchor = ANCHOR.test(piece);
        if (anchor) anchors.push(piece.toLowerCase());
        return !anchor;
      });
    }
    const terms = [];
    for (const term of fold(pieces.join(" ")).match(TERM) || []) {
      if (!ix.stop.has(term) && terms.indexOf(term) < 0) terms.push(term);
    }
    const typing = !/\s$/.test(raw) && terms.length > 0 && !anchors.length &&
      fold(raw).trimEnd().endsWith(terms[terms.length - 1]);
    return {
      session: session,
      anchors: anchors,
      words: terms.map(function (term, i) {
        return wordQuery(term, typing && i === terms.length - 1);
      }),
    };
  }

  /* Records matching one word, each with its best weight (a Map: record -> weight). */
  async function matches(ix, word) {
    const first = Math.max(0, lastAtMost(ix.firsts, word.low));
    const last = lastAtMost(ix.firsts, word.high);
    const numbers = [];
    for (let n = first; n <= last; n++) numbers.push(n);
    const parts = await Promise.all(numbers.map(function (n) { return shard(ix, n); }));
    const found = new Map();
    for (const part of parts) {
      let i = Math.max(0, lastAtMost(part.words, word.low));
      for (; i < part.words.length && part.words[i] <= word.high; i++) {
        const weight = word.weight(part.words[i]);
        if (!weight) continue;
        for (const record of postingsOf(part, i)) {
          if ((found.get(record) || 0) < weight) found.set(record, weight);
        }
      }
    }
    return found;
  }

  function sessionNumber(ix, wanted) {
    if (wanted === null || wanted === "") return null;
    const folded = wanted.toLowerCase();
    return ix.data.sessions.findIndex(function (s) { return s.toLowerCase() === folded; });
  }

  /* Every record matching the whole query, best first: [{resolution, records, score}]. */
  async function search(ix, query, chosenSession) {
    const wanted = query.session !== null ? query.session : chosenSession;
    const session = sessionNumber(ix, wanted);
    const found = await Promise.all(query.words.map(function (w) { return matches(ix, w); }));
    const isTitle = function (record) { return ix.starts[ix.owner[record]] === record; };
    // A symbol that names resolutions (their title's record holds it; the one being typed
    // by its completions), beside other words or a paragraph, narrows to them.
    let within = null;
    const required = [];
    const narrowing = query.words.length > 1 || query.anchors.length > 0;
    query.words.forEach(function (word, i) {
      const named = [];
      if (word.symbol && narrowing) {
        for (const record of found[i].keys()) {
          if (isTitle(record)) named.push(ix.owner[record]);
        }
      }
      if (named.length) {
        within = within ? new Set(named.filter(function (r) { return within.has(r); }))
          : new Set(named);
      } else {
        required.push(found[i]);
      }
    });
    const keep = function (resolution) {
      return (session === null || ix.data.sessionOf[resolution] === session) &&
        (within === null || within.has(resolution));
    };
    const scores = new Map();
    if (query.anchors.length && within) {
      for (const resolution of within) {
        if (keep(resolution)) scores.set(ix.starts[resolution], 0); // anchors found below
      }
    } else if (required.length) {
      required.sort(function (a, b) { return a.size - b.size; });
      for (const [record, weight] of required[0]) {
        if (!keep(ix.owner[record])) continue;
        let score = weight;
        for (let i = 1; i < required.length && score; i++) {
          const other = required[i].get(record);
          score = other ? score + other : 0;
        }
        if (score) scores.set(record, score + (isTitle(record) ? 1 : 0));
      }
    } else if (within) {
      for (const resolution of within) {
        if (keep(resolution)) scores.set(ix.starts[resolution], 10);
      }
    }
    return {groups: grouped(ix, scores), session: session, wanted: wanted};
  }

  function grouped(ix, scores) {
    const groups = new Map();
    for (const [record, score] of scores) {
      const resolution = ix.owner[record];
      let group = groups.get(resolution);
      if (!group) {
        group = {resolution: resolution, records: [], score: 0};
        groups.set(resolution, group);
      }
      group.records.push([record, score]);
      group.score = Math.max(group.score, score);
    }
    const list = Array.from(groups.values());
    list.sort(function (a, b) { return b.score - a.score || b.resolution - a.resolution; });
    for (const group of list) {
      group.records.sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; });
    }
    return list;
  }

  /* Rendering, as Material renders its results, every text through textContent. */
  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /* Does a word of the text (folded) match a word of the query? */
  function matcher(words) {
    return function (folded) {
      const bare = folded.startsWith(SYMBOL_PREFIX) ? folded.slice(SYMBOL_PREFIX.length) : null;
      return words.some(function (word) {
        return word.weight(folded) > 0 || (bare !== null && word.weight(bare) > 0);
      });
    };
  }

  /* The spans [start, end) of ``text`` holding query words. */
  function marks(text, isMatch) {
    const spans = [];
    for (const found of text.matchAll(RAW_TERM)) {
      if (isMatch(fold(found[0]))) spans.push([found.index, found.index + found[0].length]);
    }
    return spans;
  }

  /* ``text`` into ``parent``, query words in <mark>; cut to about ``length`` characters
     around the first of them when longer. */
  function markedText(parent, text, isMatch, length) {
    let spans = marks(text, isMatch);
    let start = 0;
    let end = text.length;
    if (length && text.length > length) {
      const first = spans.length ? spans[0][0] : 0;
      start = first > length / 3 ? text.lastIndexOf(" ", first - length / 4) + 1 : 0;
      end = text.indexOf(" ", start + length);
      end = end < 0 ? text.length : end;
      spans = spans.filter(function (span) { return span[0] >= start && span[1] <= end; });
    }
    let at = start;
    if (start > 0) parent.append("… ");
    for (const [from, to] of spans) {
      parent.append(text.slice(at, from));
      parent.append(element("mark", "", text.slice(from, to)));
      at = to;
    }
    parent.append(text.slice(at, end));
    if (end < text.length) parent.append(" …");
  }

  function placeLink(file, item, isMatch) {
    const link = element("a", "md-search-result__link");
    link.href = BASE + file.url + "#" + encodeURIComponent(item[0]);
    const article = element("article", "md-search-result__article md-typeset");
    article.append(element("h2", "", file.number + " " + item[0]));
    const text = element("p");
    markedText(text, item[1], isMatch, SNIPPET);
    article.append(text);
    link.append(article);
    return link;
  }

  function resultItem(ix, group, file, query, isMatch) {
    const item = element("li", "md-search-result__item");
    const page = element("a", "md-search-result__link");
    page.href = BASE + file.url;
    const article = element("article",
      "md-search-result__article md-search-result__article--document md-typeset");
    article.append(element("div", "md-search-result__icon md-icon"));
    const heading = element("h1");
    markedText(heading, file.number + ": " + file.items[0][1], isMatch, 0);
    article.append(heading);
    page.append(article);
    item.append(page);
    const first = ix.starts[group.resolution];
    let places = group.records.filter(function (r) { return r[0] !== first; })
      .map(function (r) { return file.items[r[0] - first]; });
    if (query.anchors.length) {
      places = file.items.filter(function (place) {
        return query.anchors.indexOf(place[0].toLowerCase()) >= 0;
      });
    }
    const shownLinks = places.slice(0, SHOWN).map(function (place) {
      return item.appendChild(placeLink(file, place, isMatch));
    });
    // What Enter opens: the best place, or the page when its title or symbol matched best.
    const titleBest = !query.anchors.length && group.records[0][0] === first;
    (titleBest || !shownLinks.length ? page : shownLinks[0]).setAttribute("data-atlas-best", "");
    if (places.length > SHOWN) {
      const more = element("details", "md-search-result__more");
      const summary = element("summary");
      const rest = places.length - SHOWN;
      summary.append(element("div", "", rest + " more in " + file.number));
      more.append(summary);
      places.slice(SHOWN).forEach(function (place) {
        more.append(placeLink(file, place, isMatch));
      });
      item.append(more);
    }
    return item;
  }

  /* The search box of this page, wired up. */
  const box = document.querySelector("[data-atlas-search]");
  if (!box) return;
  const toggle = document.getElementById("__search");
  const form = box.querySelector("form");
  const input = box.querySelector("[data-atlas-search-query]");
  const sessionList = box.querySelector("[data-atlas-search-session]");
  const meta = box.querySelector(".md-search-result__meta");
  const list = box.querySelector(".md-search-result__list");
  const HINT = meta.textContent.trim();
  let shown = null; // the current results: {ix, query, groups, next, isMatch}
  let runs = 0;

  function fillSessions(sessions) {
    if (!sessionList || sessionList.options.length > 1) return;
    for (const session of sessions) {
      const option = element("option", "", "Session " + session);
      option.value = session;
      sessionList.append(option);
    }
  }

  function say(text) {
    meta.textContent = text;
  }

  function count(n, one, many) {
    return n.toLocaleString("en") + " " + (n === 1 ? one : many);
  }

  /* The query whose results are on show, in an attribute: what a test waits for (results
     of a shorter query typed on the way may show first). */
  function done(raw) {
    box.setAttribute("data-atlas-shown", raw);
  }

  /* Clears the results and says ``text`` (the hint, or why there are none). */
  function empty(text, raw) {
    shown = null;
    list.replaceChildren();
    say(text);
    done(raw);
  }

  function summary(ix, query, result) {
    const paragraphs = result.groups.reduce(function (n, group) {
      const first = ix.starts[group.resolution];
      return n + group.records.filter(function (r) { return r[0] !== first; }).length;
    }, 0);
    const resolutions = count(result.groups.length, "resolution", "resolutions");
    const where = result.session !== null ? ", session " + ix.data.sessions[result.session]
      : "";
    if (query.anchors.length || !paragraphs) return resolutions + where;
    return count(paragraphs, "matching paragraph", "matching paragraphs") + " in " +
      resolutions + where;
  }

  /* Runs the query in the box; a newer keystroke's run supersedes it. */
  async function run() {
    const run = ++runs;
    const raw = input.value;
    if (!raw.trim()) {
      empty(HINT, raw);
      return;
    }
    try {
      const ix = await index();
      const query = parse(raw, ix);
      if (!query.words.length && !query.anchors.length) {
        if (run === runs) empty(HINT, raw);
        return;
      }
      const result = await search(ix, query, sessionList ? sessionList.value : "");
      if (run !== runs) return;
      if (result.session === -1) {
        empty("No session " + result.wanted + " in this collection", raw);
      } else if (!result.groups.length) {
        empty("No matching paragraphs" + (result.session !== null ? ", session " +
          ix.data.sessions[result.session] : ""), raw);
      } else {
        // The list in place stays until the new one is ready: no flicker while typing.
        shown = {ix: ix, query: query, groups: result.groups, next: 0, adding: null,
          isMatch: matcher(query.words), summary: summary(ix, query, result), raw: raw};
        await more();
      }
    } catch (error) {
      if (run === runs) empty("Search is unavailable: " + error.message, raw);
    }
  }

  /* Shows the next PAGE resolutions of the current results (their records loaded). */
  function more() {
    const current = shown;
    if (!current || current.adding || current.next >= current.groups.length) {
      return current && current.adding;
    }
    const groups = current.groups.slice(current.next, current.next + PAGE);
    const first = current.next === 0;
    current.next += groups.length;
    current.adding = Promise.all(groups.map(function (group) {
      return load(current.ix.data.records.replace("{}", String(group.resolution)));
    })).then(function (files) {
      if (current !== shown) return; // a newer query has replaced these results
      const items = groups.map(function (group, i) {
        return resultItem(current.ix, group, files[i], current.query, current.isMatch);
      });
      if (first) {
        list.replaceChildren.apply(list, items);
        say(current.summary);
        list.closest(".md-search__scrollwrap").scrollTop = 0;
        done(current.raw);
      } else {
        list.append.apply(list, items);
      }
    }).finally(function () {
      current.adding = null;
    });
    return current.adding;
  }

  function open() {
    if (toggle && !toggle.checked) toggle.checked = true;
    index().catch(function () {});
  }

  function close() {
    if (toggle) toggle.checked = false;
    input.blur();
  }

  function links() {
    return Array.from(box.querySelectorAll(
      ".md-search-result__link, .md-search-result__more > summary"))
      .filter(function (node) { return node.offsetParent !== null; });
  }

  input.addEventListener("focus", open);
  input.addEventListener("input", function () { run(); });
  if (sessionList) sessionList.addEventListener("change", function () { run(); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () {
    window.setTimeout(function () { run(); input.focus(); });
  });
  if (toggle) {
    toggle.addEventListener("change", function () {
      if (toggle.checked) input.focus();
    });
  }
  box.querySelector(".md-search__scrollwrap").addEventListener("scroll", function (event) {
    const wrap = event.currentTarget;
    if (wrap.scrollTop + wrap.clientHeight > wrap.scrollHeight - 200) more();
  });
  box.addEventListener("click", function (event) {
    const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
    if (link && link.pathname === window.location.pathname) close(); // same page: show it
  });

  box.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      event.preventDefault();
      close();
      return;
    }
    const targets = links();
    const at = targets.indexOf(document.activeElement);
    if (event.key === "Enter" && event.target === input) {
      event.preventDefault();
      const best = list.querySelector("[data-atlas-best]");
      if (best) best.click();
      return;
    }
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (event.target === sessionList) return;
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      const next = at + step;
      if (next < 0) {
        input.focus();
      } else if (next < targets.length) {
        targets[next].focus();
        if (next >= targets.length - 2) more();
      }
    }
  });

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    if (event.key !== "/" && event.key !== "s" && event.key !== "S") return;
    const target = event.target;
    if (target instanceof Element &&
        (target.closest("input, textarea, select, [contenteditable]") ||
         target.isContentEditable)) {
      return;
    }
    event.preventDefault();
    input.focus();
    input.select();
  });
})();
