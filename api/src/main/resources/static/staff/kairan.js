// What the publisher console and the analyst workbench share: the language switch and its texts,
// the signed-in token, calls to the API with every problem document shown plainly, and small SVG
// charts. No framework, no build step: the pages are static files the API serves.
"use strict";

const K = (() => {
  const LANGS = ["ja", "ja-x-easy", "en"];
  const texts = {};
  let lang = localStorage.getItem("kairan.staff.lang");
  if (!LANGS.includes(lang)) lang = "ja";
  const listeners = [];

  /** Adds texts: {key: [ja, easy Japanese, English]}. */
  function strings(table) {
    Object.assign(texts, table);
  }

  /** The text for key in the current language; {name} placeholders filled from args. */
  function t(key, args) {
    const row = texts[key];
    let s = row ? row[LANGS.indexOf(lang)] || row[0] : key;
    if (args) for (const [k, v] of Object.entries(args)) s = s.split("{" + k + "}").join(v);
    return s;
  }

  function applyTexts(root) {
    document.documentElement.lang = lang;
    for (const el of (root || document).querySelectorAll("[data-i18n]")) {
      el.textContent = t(el.dataset.i18n);
    }
    for (const el of (root || document).querySelectorAll("[data-i18n-placeholder]")) {
      el.placeholder = t(el.dataset.i18nPlaceholder);
    }
    for (const el of (root || document).querySelectorAll("[data-i18n-label]")) {
      el.setAttribute("aria-label", t(el.dataset.i18nLabel));
    }
    document.title = t(document.body.dataset.titleKey);
  }

  function setLang(l) {
    lang = LANGS.includes(l) ? l : "ja";
    localStorage.setItem("kairan.staff.lang", lang);
    applyTexts();
    listeners.forEach((f) => f(lang));
  }

  function onLang(f) {
    listeners.push(f);
  }

  // ---- the token ----
  const TOKEN_KEY = "kairan.staff.token";

  function token() {
    return sessionStorage.getItem(TOKEN_KEY);
  }

  /** The token's claims, read (not checked: the API checks the signature on every call). */
  function claims() {
    const tok = token();
    if (!tok) return null;
    try {
      const part = tok.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
      const bytes = Uint8Array.from(atob(part), (c) => c.charCodeAt(0));
      return JSON.parse(new TextDecoder().decode(bytes));
    } catch (e) {
      return null;
    }
  }

  function roles() {
    const c = claims();
    if (!c) return [];
    return Array.isArray(c.roles) ? c.roles : String(c.roles || "").split(" ");
  }

  function signIn(tok) {
    sessionStorage.setItem(TOKEN_KEY, tok.trim());
  }

  function signOut() {
    sessionStorage.removeItem(TOKEN_KEY);
  }

  // ---- calls ----
  /** A problem document the API answered (RFC 9457), or one made for a failure to reach it. */
  class Problem extends Error {
    constructor(doc) {
      super(doc.detail || doc.title);
      this.doc = doc;
    }
  }

  /**
   * Calls the API with the token. Resolves to {status, headers, body} for a 2xx; rejects with a
   * Problem for anything else, the API's own problem document when it sent one.
   */
  async function call(method, path, body, headers) {
    const h = Object.assign({ Accept: "application/json, application/problem+json" }, headers);
    if (token()) h.Authorization = "Bearer " + token();
    if (body !== undefined) h["Content-Type"] = "application/json";
    let res;
    try {
      res = await fetch(path, {
        method,
        headers: h,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (e) {
      throw new Problem({ title: t("k.unreachable"), detail: String(e.message || e), status: 0 });
    }
    const text = await res.text();
    let parsed = null;
    if (text) {
      try {
        parsed = JSON.parse(text);
      } catch (e) {
        parsed = null;
      }
    }
    if (!res.ok) {
      const doc =
        parsed && typeof parsed === "object" && parsed.title !== undefined
          ? parsed
          : { title: res.statusText || "HTTP " + res.status, detail: text, status: res.status };
      if (doc.status === undefined) doc.status = res.status;
      throw new Problem(doc);
    }
    return { status: res.status, headers: res.headers, body: parsed };
  }

  /** Shows a problem in the alert region box: its title, detail and each invalid field. */
  function showProblem(box, error) {
    box.replaceChildren();
    box.hidden = false;
    const doc = error instanceof Problem ? error.doc : { title: String(error), status: "" };
    const head = el("p", { class: "problem-title" });
    head.append(el("strong", {}, t("k.problem") + " "), (doc.status ? doc.status + " " : "") + (doc.title || ""));
    box.append(head);
    if (doc.detail) box.append(el("p", { class: "problem-detail" }, doc.detail));
    if (Array.isArray(doc.errors) && doc.errors.length) {
      const ul = el("ul", { class: "problem-errors" });
      doc.errors.forEach((e) => ul.append(el("li", {}, e)));
      box.append(ul);
    }
  }

  function clearProblem(box) {
    box.replaceChildren();
    box.hidden = true;
  }

  /** Shows a plain success message in a status region. */
  function say(box, message) {
    box.textContent = message;
    box.hidden = false;
  }

  // ---- DOM ----
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === "class") e.className = v;
      else if (k === "text") e.textContent = v;
      else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v === true ? "" : v);
    }
    for (const c of children) if (c !== undefined && c !== null) e.append(c);
    return e;
  }

  function svg(tag, attrs, ...children) {
    const e = document.createElementNS("http://www.w3.org/2000/svg", tag);
    for (const [k, v] of Object.entries(attrs || {})) if (v !== undefined) e.setAttribute(k, v);
    for (const c of children) if (c !== undefined && c !== null) e.append(c);
    return e;
  }

  function fmtTime(iso) {
    if (!iso) return "";
    const d = new Date(iso);
    return d.toLocaleString(lang === "en" ? "en-GB" : "ja-JP", { timeZone: "Asia/Tokyo" });
  }

  /** A count, or the words for a withheld one (fewer than the minimum group). */
  function count(n) {
    return n === null || n === undefined ? t("k.withheld") : Number(n).toLocaleString("ja-JP");
  }

  // Colours of at least 3:1 on white (WCAG 1.4.11) and told apart by more than hue: each series
  // is also named in the legend and in the table beside the chart.
  const COLOURS = ["#1f5fa8", "#a64200", "#2e7d32", "#6a1b9a", "#5d4037", "#00695c"];

  /**
   * A horizontal grouped bar chart as inline SVG, with a table of the same numbers below it.
   * rows: [{label, values: [number|null]}]; series: names of the values, one colour each.
   */
  function barChart(container, { caption, series, rows, unit }) {
    container.replaceChildren();
    const fig = el("figure", { class: "chart" });
    const bar = 14;
    // Room for the longest label (a CJK character is about as wide as the font is high).
    const longest = Math.max(4, ...rows.map((r) => [...r.label].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e80 ? 12 : 7), 0)));
    const labelW = Math.min(300, longest + 12);
    const width = labelW + 420;
    const groupH = series.length * (bar + 2) + 10;
    const legendH = series.length * 18 + 6;
    const height = rows.length * groupH + legendH;
    const max = Math.max(1, ...rows.flatMap((r) => r.values.filter((v) => v !== null && v !== undefined)));
    const scale = (width - labelW - 70) / max;
    const chart = svg("svg", {
      viewBox: `0 0 ${width} ${height}`,
      role: "img",
      "aria-label": caption,
      class: "chart-svg",
      width: "100%",
    });
    rows.forEach((r, i) => {
      const y0 = i * groupH + 4;
      chart.append(svg("text", { x: labelW - 6, y: y0 + groupH / 2, "text-anchor": "end", class: "chart-label" }, document.createTextNode(r.label)));
      r.values.forEach((v, j) => {
        const y = y0 + j * (bar + 2);
        const held = v === null || v === undefined;
        const w = held ? 0 : Math.max(1, v * scale);
        chart.append(svg("rect", { x: labelW, y, width: w, height: bar, fill: COLOURS[j % COLOURS.length] }, svg("title", {}, document.createTextNode(`${series[j]}: ${count(v)}`))));
        chart.append(svg("text", { x: labelW + w + 4, y: y + bar - 3, class: "chart-value" }, document.createTextNode(held ? t("k.withheld") : count(v) + (unit || ""))));
      });
    });
    const legend = svg("g", {});
    series.forEach((s, j) => {
      const y = height - legendH + 4 + j * 18;
      legend.append(svg("rect", { x: labelW, y, width: 12, height: 12, fill: COLOURS[j % COLOURS.length] }));
      legend.append(svg("text", { x: labelW + 16, y: y + 10, class: "chart-label" }, document.createTextNode(s)));
    });
    chart.append(legend);
    fig.append(chart);
    fig.append(el("figcaption", {}, caption));
    const table = el("table", { class: "chart-table" });
    const head = el("tr", {}, el("th", { scope: "col" }, ""));
    series.forEach((s) => head.append(el("th", { scope: "col" }, s)));
    table.append(el("thead", {}, head));
    const body = el("tbody");
    rows.forEach((r) => {
      const tr = el("tr", {}, el("th", { scope: "row" }, r.label));
      r.values.forEach((v) => tr.append(el("td", {}, count(v))));
      body.append(tr);
    });
    table.append(body);
    const details = el("details", {}, el("summary", {}, t("k.tableOfChart")), table);
    fig.append(details);
    container.append(fig);
  }

  strings({
    "cat.CHILDCARE": ["子育て", "こそだて", "Childcare"],
    "cat.EDUCATION": ["教育", "きょういく", "Education"],
    "cat.HEALTH": ["健康", "けんこう", "Health"],
    "cat.WELFARE": ["福祉", "ふくし", "Welfare"],
    "cat.GARBAGE": ["ごみ", "ごみ", "Garbage"],
    "cat.TAX": ["税", "ぜいきん", "Tax"],
    "cat.ADMINISTRATION": ["行政", "しやくしょ", "Administration"],
    "cat.EVENTS": ["イベント", "イベント", "Events"],
    "cat.CULTURE": ["文化", "ぶんか", "Culture"],
    "cat.SPORTS": ["スポーツ", "スポーツ", "Sports"],
    "cat.TRANSPORT": ["交通", "のりもの", "Transport"],
    "cat.DISASTER": ["防災", "さいがい", "Disaster"],
    "cat.SHOPPING": ["買い物", "かいもの", "Shopping"],
    "ch.PUSH_NOW": ["すぐに通知", "すぐ しらせる", "Push now"],
    "ch.PUSH_AT": ["時間をずらして通知", "あとで しらせる", "Push later"],
    "ch.DIGEST": ["まとめて通知", "まとめて しらせる", "Digest"],
    "ch.FEED_ONLY": ["一覧のみ", "いちらん だけ", "Feed only"],
    "k.unreachable": ["APIに接続できません", "つながりません", "Cannot reach the API"],
    "k.problem": ["エラー:", "うまく いきませんでした:", "Problem:"],
    "k.withheld": ["非表示（10人未満）", "かくしています（10にん より すくない）", "withheld (under 10)"],
    "k.tableOfChart": ["グラフの数値（表）", "グラフの かず（ひょう）", "The chart's numbers as a table"],
  });

  return { LANGS, strings, t, applyTexts, setLang, onLang, get lang() { return lang; }, token, claims, roles, signIn, signOut, Problem, call, showProblem, clearProblem, say, el, svg, fmtTime, count, barChart, COLOURS };
})();
