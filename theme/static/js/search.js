/* The finder on /tim-kiem/: Pagefind in the reader's browser, no server.
 *
 * Pages were indexed in a folded form (newsroom/site/search_folding.py): no
 * marks, đ as d, abbreviations spelled out. The query is folded here the same
 * way, with the table the build wrote beside the index (folding.json), so
 * "dong chi" meets "đồng chí" and "UBND" meets "Ủy ban nhân dân".
 * Excerpts are cut from each page's own text (texts/ in the bundle), since
 * the index holds only the folded words.
 * The filters and the words live in the address, so a list can be shared.
 * Editors' text is only ever set as text (textContent), never as markup.
 */
(function () {
  "use strict";

  var root = document.querySelector("[data-search]");
  if (!root) return;
  var form = root.querySelector("form");
  var input = form.elements.q;
  var status = root.querySelector("[role=status]");
  var list = root.querySelector(".finder__results");
  var more = root.querySelector(".finder__more");
  var bundle = root.getAttribute("data-bundle");
  var siteUrl = root.getAttribute("data-site-url") || "";
  var FILTERS = ["don-vi", "khen-thuong", "loai-khen-thuong", "nam"];
  var PAGE_SIZE = 10;
  var EXCERPT_WORDS = 32;
  var WORD = /[\p{L}\p{N}]+/gu;
  var WORD_WITH_MARKS = /[\p{L}\p{N}\p{M}]+/gu;

  var table = null;
  var yAsI = null;
  var pagefind = null;
  var generation = 0;
  var pending = [];
  var queryWords = [];
  var typingTimer = null;

  form.hidden = false;

  /* ---- folding: the twin of newsroom/site/search_folding.py ---- */

  function foldWord(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[đð]/g, "d").normalize("NFC");
  }

  function foldWords(text) {
    var words = [];
    var found = foldWord(text).match(WORD) || [];
    for (var i = 0; i < found.length; i++) {
      var raw = found[i];
      var expansion = Object.prototype.hasOwnProperty.call(table.abbreviations, raw) ? table.abbreviations[raw] : null;
      if (expansion) {
        words.push.apply(words, expansion.split(" "));
      } else if (yAsI.test(raw)) {
        words.push(raw.slice(0, -1) + "i");
      } else {
        words.push(raw);
      }
    }
    return words;
  }

  function fold(text) {
    return foldWords(text).join(" ");
  }

  /* ---- loading ---- */

  function load() {
    return fetch(bundle + "folding.json")
      .then(function (response) {
        if (!response.ok) throw new Error("folding.json " + response.status);
        return response.json();
      })
      .then(function (data) {
        table = data;
        yAsI = new RegExp(data.y_as_i);
        return import(bundle + "pagefind.js");
      })
      .then(function (module) {
        pagefind = module;
        var base = new URL(siteUrl || "/", window.location.href).pathname.replace(/\/?$/, "/");
        // Whole words over words they begin ("chi" over "chính"), and short
        // unit pages not favoured over news for being short. The folded title
        // is the record's heading already: Pagefind's own boost of the title
        // as written (5x, matched with its marks) would favour some pages at random.
        return pagefind.options({ baseUrl: base, ranking: { termSimilarity: 3.0, pageLength: 0.3, metaWeights: { title: 1.0 } } })
          .then(function () { return pagefind.init(); });
      });
  }

  /* ---- the address keeps the query and the filters ---- */

  function readAddress() {
    var params = new URLSearchParams(window.location.search);
    input.value = params.get("q") || "";
    FILTERS.forEach(function (name) {
      var select = form.elements[name];
      var value = params.get(name) || "";
      var known = Array.prototype.some.call(select.options, function (option) { return option.value === value; });
      select.value = known ? value : "";
    });
  }

  function writeAddress(state) {
    var params = new URLSearchParams();
    if (state.text) params.set("q", state.text);
    FILTERS.forEach(function (name) {
      if (state.filters[name]) params.set(name, state.filters[name]);
    });
    var query = params.toString();
    var address = window.location.pathname + (query ? "?" + query : "");
    if (address !== window.location.pathname + window.location.search) {
      window.history.replaceState(null, "", address);
    }
  }

  function formState() {
    var filters = {};
    FILTERS.forEach(function (name) {
      var value = form.elements[name].value;
      if (value) filters[name] = value;
    });
    return { text: input.value.trim(), filters: filters };
  }

  /* ---- searching ---- */

  function run() {
    var state = formState();
    writeAddress(state);
    var mine = ++generation;
    var hasFilters = Object.keys(state.filters).length > 0;
    queryWords = state.text ? foldWords(state.text) : [];
    if (!queryWords.length && !hasFilters) {
      pending = [];
      list.replaceChildren();
      more.hidden = true;
      status.textContent = state.text ? "Hãy nhập chữ hoặc số để tìm." : "";
      root.setAttribute("data-state", "ready");
      return Promise.resolve();
    }
    root.setAttribute("data-state", "loading");
    var options = { filters: {} };
    Object.keys(state.filters).forEach(function (name) { options.filters[name] = [state.filters[name]]; });
    var term = queryWords.join(" ");
    var phrase = '"' + term + '"';
    var searches;
    if (!term) {
      options.sort = { date: "desc" };  // a filtered list reads newest first
      searches = [pagefind.search(null, options)];
    } else if (/^".*"$/.test(state.text)) {
      searches = [pagefind.search(phrase, options)];  // the reader asked for the exact phrase
    } else if (queryWords.length > 1) {
      // Pagefind ranks words, not their order: pages with the words side by
      // side ("đồng chí") come first, then pages with them apart.
      searches = [pagefind.search(phrase, options), pagefind.search(term, options)];
    } else {
      searches = [pagefind.search(term, options)];
    }
    return Promise.all(searches).then(function (found) {
      if (mine !== generation) return;
      pending = merged(found);
      var count = pending.length;
      return showMore(mine, true).then(function () {
        // Announced once the first results are on the page, not before.
        if (mine !== generation) return;
        status.textContent = summary(count, state);
        root.setAttribute("data-state", "ready");
      });
    }).catch(function (failure) {
      if (mine !== generation) return;
      failed(failure);
    });
  }

  /* One list from the searches run: Pagefind gives a quoted phrase's pages
   * unranked (in index order), so the ranked search orders them all, and the
   * pages with the words side by side come first. */
  function merged(searches) {
    var ranked = searches[searches.length - 1].results;
    if (searches.length === 1) return ranked.slice();
    var together = {};
    searches[0].results.forEach(function (result) { together[result.id] = true; });
    var first = ranked.filter(function (result) { return together[result.id]; });
    var known = {};
    ranked.forEach(function (result) { known[result.id] = true; });
    var onlyPhrase = searches[0].results.filter(function (result) { return !known[result.id]; });
    var rest = ranked.filter(function (result) { return !together[result.id]; });
    return first.concat(onlyPhrase, rest);
  }

  function showMore(mine, fresh) {
    var batch = pending.splice(0, PAGE_SIZE);
    root.setAttribute("data-state", "loading");
    return Promise.all(batch.map(function (result) {
      return result.data().then(function (data) {
        var item = resultItem(data);
        return addExcerpt(item).then(function () { return item; });
      });
    })).then(function (items) {
      if (mine !== generation) return;
      if (fresh) list.replaceChildren();
      items.forEach(function (item) { list.appendChild(item); });
      more.hidden = pending.length === 0;
      if (!fresh) root.setAttribute("data-state", "ready");
    });
  }

  function summary(count, state) {
    var labels = [];
    FILTERS.forEach(function (name) {
      if (!state.filters[name]) return;
      var select = form.elements[name];
      labels.push(select.options[select.selectedIndex].textContent.trim());
    });
    var what = state.text ? " cho “" + state.text + "”" : "";
    var within = labels.length ? " (lọc: " + labels.join("; ") + ")" : "";
    if (count === 0) return "Không tìm thấy kết quả nào" + what + within + ".";
    return "Tìm thấy " + count + " kết quả" + what + within + ".";
  }

  function failed(failure) {
    pending = [];
    list.replaceChildren();
    more.hidden = true;
    status.textContent = "Chưa tìm được: không tải được chỉ mục tìm kiếm. Hãy thử tải lại trang.";
    root.setAttribute("data-state", "error");
    if (window.console) window.console.error(failure);
  }

  /* ---- one result ---- */

  function resultItem(data) {
    var meta = data.meta || {};
    var item = document.createElement("li");
    item.className = "finder__result";
    var heading = document.createElement("h2");
    heading.className = "finder__result-title";
    var link = document.createElement("a");
    link.href = siteUrl + data.raw_url;
    link.textContent = meta.title || data.raw_url;
    heading.appendChild(link);
    item.appendChild(heading);
    var about = [meta.kind_label, meta.detail, meta.date].filter(Boolean).join(" · ");
    if (about) {
      var line = document.createElement("p");
      line.className = "finder__result-meta";
      line.textContent = about;
      item.appendChild(line);
    }
    item.excerptSource = meta.source;
    return item;
  }

  /* The page's own text is fetched only for the results shown. */
  function addExcerpt(item) {
    if (!item.excerptSource) return Promise.resolve();
    return fetch(bundle + item.excerptSource)
      .then(function (response) { return response.ok ? response.text() : ""; })
      .then(function (text) {
        var excerpt = excerptOf(text);
        if (excerpt) item.appendChild(excerpt);
      })
      .catch(function () { /* a result without excerpt is still a result */ });
  }

  /* The excerpt is cut from the page's own text (with its marks), around
   * the place where most of the reader's words meet, each one marked. */
  function excerptOf(text) {
    text = text.normalize("NFC").replace(/\s+/g, " ").trim();
    if (!text) return null;
    var spans = [];
    var match;
    WORD_WITH_MARKS.lastIndex = 0;
    while ((match = WORD_WITH_MARKS.exec(text)) !== null) {
      spans.push({ start: match.index, end: match.index + match[0].length, word: match[0] });
    }
    if (!spans.length) return null;
    // Words the reader typed whole are marked; words they only begin
    // ("chi" in "chính") only where nothing matches whole.
    var whole = false;
    spans.forEach(function (span) { span.hit = hits(span.word, false); whole = whole || span.hit > 0; });
    if (!whole) spans.forEach(function (span) { span.hit = hits(span.word, true); });
    var start = bestWindow(spans);
    var end = Math.min(spans.length, start + EXCERPT_WORDS);
    var paragraph = document.createElement("p");
    paragraph.className = "finder__result-excerpt";
    var from = spans[start].start;
    if (start > 0) paragraph.appendChild(document.createTextNode("… "));
    for (var i = start; i < end; i++) {
      if (!spans[i].hit) continue;
      paragraph.appendChild(document.createTextNode(text.slice(from, spans[i].start)));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(spans[i].start, spans[i].end);
      paragraph.appendChild(mark);
      from = spans[i].end;
    }
    var stop = end < spans.length ? spans[end - 1].end : text.length;
    paragraph.appendChild(document.createTextNode(text.slice(from, stop) + (end < spans.length ? " …" : "")));
    return paragraph;
  }

  /* How much a word of the page answers the query: 2 per reader's word it
   * holds ("UBND" holds four), 1 where it only begins with the last word. */
  function hits(word, prefixes) {
    if (!queryWords.length) return 0;
    var last = queryWords[queryWords.length - 1];
    var folded = foldWords(word);
    var weight = 2 * folded.length;
    for (var i = 0; i < folded.length; i++) {
      var part = folded[i];
      if (queryWords.indexOf(part) !== -1) continue;
      if (prefixes && part.length > last.length && part.indexOf(last) === 0) { weight -= 1; continue; }
      return 0;
    }
    return weight;
  }

  /* Where the excerpt starts: a few words before the place where the
   * reader's words weigh most, counted over four words, so that words next
   * to each other (a phrase, "đồng chí") win over scattered ones. */
  function bestWindow(spans) {
    var SPAN = 4;
    var weights = spans.map(function (span, i) {
      if (!span.hit) return 0;
      var neighbour = (i > 0 && spans[i - 1].hit) || (i + 1 < spans.length && spans[i + 1].hit);
      return span.hit * (neighbour ? 2 : 1);
    });
    var anchor = -1;
    var bestScore = 0;
    var score = 0;
    for (var i = 0; i < spans.length; i++) {
      score += weights[i];
      if (i >= SPAN) score -= weights[i - SPAN];
      if (score > bestScore) {
        bestScore = score;
        anchor = Math.max(0, i - SPAN + 1);
      }
    }
    if (anchor < 0) return 0;
    while (!weights[anchor]) anchor++;
    return Math.max(0, anchor - 8);
  }

  /* After Enter (or arriving with words in the address, from another page's
   * search box) the results are what the reader wants: on a phone the form
   * fills the screen, so the count and the first results are scrolled up. */
  function reveal() {
    if (!list.children.length && !status.textContent) return;
    var box = status.getBoundingClientRect();
    if (box.top < 0 || box.bottom > window.innerHeight) status.scrollIntoView({ block: "start" });
  }

  /* ---- wiring ---- */

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    window.clearTimeout(typingTimer);
    run().then(reveal);
  });
  form.addEventListener("change", function (event) {
    if (event.target !== input) run();
  });
  form.addEventListener("reset", function () {
    window.setTimeout(run, 0);  // the fields are cleared after this event
  });
  input.addEventListener("input", function () {
    window.clearTimeout(typingTimer);
    typingTimer = window.setTimeout(run, 250);
  });
  more.addEventListener("click", function () {
    var mine = generation;
    var next = list.children.length;
    showMore(mine).then(function () {
      var item = list.children[next];
      var link = item && item.querySelector("a");
      if (link) link.focus();  // keyboard readers continue where the new results start
    });
  });

  root.setAttribute("data-state", "loading");
  readAddress();
  load().then(run).then(function () {
    if (input.value.trim()) reveal();
  }).catch(failed);

  window.newsroomFold = function (text) { return table ? fold(text) : null; };  // for tests: the twin of Python's fold
})();
