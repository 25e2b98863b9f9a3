// The resident app: a small single-page app on the public API only (/api/v1/me/...), with the
// resident's bearer token from the tab's sessionStorage. Views by the URL's hash: #/feed,
// #/notice/<id>, #/search, #/settings, #/data, #/welcome (onboarding). Every error the API answers
// is an RFC 9457 problem, shown to the resident as it is (title, detail, each invalid field).
"use strict";

const CITY = { code: "072028", towns: "/city/aizuwakamatsu_towns.csv" };
const LANGS = ["ja", "ja-x-easy", "en"];
const LOCALES = { "ja": "ja-JP", "ja-x-easy": "ja-JP", "en": "en-GB" };
const PAGE_SIZE = Math.min(100, Math.max(1, Number(new URLSearchParams(location.search).get("pageSize")) || 10));

let lang = LANGS.includes(localStorage.getItem("kairan.app.lang")) ? localStorage.getItem("kairan.app.lang") : "ja";
let profile = null; // the resident's profile as last read or saved; null before onboarding
const known = {}; // feed items by notice id: their title in every language, for the lang attribute

// ---- words ----

function t(key, vars) {
  const entry = TEXTS[key];
  let s = entry ? entry[LANGS.indexOf(lang)] : key;
  for (const [k, v] of Object.entries(vars || {})) s = s.split("{" + k + "}").join(String(v));
  return s;
}

function category(cat, field) {
  const c = CATEGORIES[cat];
  if (!c) return cat;
  return c[(field === "purpose" ? 3 : 0) + LANGS.indexOf(lang)];
}

/** A notice's text in the reader's language by the API's chain (lang, ja-x-easy, ja). */
function pick(map) {
  if (!map) return { text: "", lang: null };
  for (const l of [lang, "ja-x-easy", "ja"]) {
    if (map[l]) return { text: map[l], lang: l };
  }
  const first = Object.keys(map)[0];
  return { text: first ? map[first] : "", lang: first || null };
}

function time(iso) {
  if (!iso) return "";
  return new Intl.DateTimeFormat(LOCALES[lang], {
    dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Tokyo",
  }).format(new Date(iso));
}

/** A DOM element with attributes and children (text as text nodes: nothing is parsed as HTML). */
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else if (k === "text") e.textContent = v;
    else e.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) {
    if (c !== null && c !== undefined && c !== false) e.append(c instanceof Node ? c : String(c));
  }
  return e;
}

// ---- session ----

function session() {
  try {
    const s = JSON.parse(sessionStorage.getItem("kairan.session") || "null");
    if (s && s.token) return s;
  } catch (e) { /* not ours */ }
  const tok = sessionStorage.getItem("kairan.token");
  return tok ? { token: tok, role: rolesOf(tok).includes("RESIDENT") ? "RESIDENT" : "?" } : null;
}

function rolesOf(tok) {
  try {
    const part = tok.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
    const claims = JSON.parse(decodeURIComponent(escape(atob(part))));
    const roles = claims.roles;
    return Array.isArray(roles) ? roles : String(roles || "").split(" ");
  } catch (e) {
    return [];
  }
}

async function signOut() {
  sessionStorage.removeItem("kairan.session");
  sessionStorage.removeItem("kairan.token");
  profile = null;
  await forgetOfflineCopy();
  location.hash = "#/feed";
  render();
}

// ---- the API ----

class ApiProblem extends Error {
  constructor(status, problem) {
    super(problem.title || String(status));
    this.status = status;
    this.problem = problem;
  }
}

async function api(method, path, body) {
  const headers = { "Authorization": "Bearer " + session().token, "Accept": "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  let r;
  try {
    r = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (e) {
    throw new ApiProblem(0, { title: t("offline") });
  }
  if (r.ok) return r;
  let problem;
  try {
    problem = await r.json();
  } catch (e) {
    problem = { title: r.status + " " + r.statusText };
  }
  if (r.status === 401) {
    sessionStorage.removeItem("kairan.session");
    sessionStorage.removeItem("kairan.token");
  }
  throw new ApiProblem(r.status, problem);
}

/** The problem as the API gave it: its title, its detail and each invalid field. */
function problemBox(e) {
  const p = e instanceof ApiProblem ? e.problem : { title: String(e && e.message || e) };
  const errors = Array.isArray(p.errors) ? p.errors : [];
  return el("div", { class: "problem", role: "alert" },
    el("h2", { text: t("problem") }),
    el("p", { class: "problem-title", text: p.title || "" }),
    p.detail ? el("p", { class: "problem-detail", text: p.detail }) : null,
    errors.length ? el("ul", { class: "problem-errors" }, errors.map((x) => el("li", { text: x }))) : null);
}

async function loadProfile() {
  try {
    profile = await (await api("GET", "/api/v1/me/profile")).json();
  } catch (e) {
    if (e instanceof ApiProblem && e.status === 404) profile = null;
    else throw e;
  }
  return profile;
}

// ---- the offline copy of the last feed (kept by the service worker, sw.js) ----

async function forgetOfflineCopy() {
  if ("caches" in window) await caches.delete("kairan-last-feed");
}

if ("serviceWorker" in navigator) {
  navigator.serviceWorker.register("/app/sw.js", { scope: "/app/" }).catch(() => { /* the app works without */ });
}

// ---- the page ----

const main = () => document.getElementById("main");

function page(titleKey, ...content) {
  const m = main();
  m.replaceChildren(el("h1", { id: "page-title", tabindex: "-1", text: t(titleKey) }), ...content);
  document.title = t(titleKey) + " — " + t("brand");
  return m;
}

function applyLanguage() {
  document.documentElement.lang = lang;
  for (const e of document.querySelectorAll("[data-t]")) e.textContent = t(e.dataset.t);
  document.getElementById("nav").setAttribute("aria-label", t("menu"));
  document.getElementById("lang").value = lang;
}

function markNav(route) {
  for (const a of document.querySelectorAll("#nav a")) {
    if (a.getAttribute("href") === "#/" + route) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  }
}

let renderCount = 0;

async function render() {
  const mine = ++renderCount;
  applyLanguage();
  const [route, arg] = (location.hash || "#/feed").slice(2).split("/");
  const nav = document.getElementById("nav");
  const s = session();
  if (!s) {
    nav.hidden = true;
    return viewSignIn();
  }
  try {
    if (profile === null && route !== "welcome") {
      main().replaceChildren(el("p", { text: t("loading") }));
      await loadProfile();
      if (mine !== renderCount) return;
      if (profile === null) {
        location.hash = "#/welcome";
        return;
      }
    }
    nav.hidden = profile === null;
    markNav(route);
    const views = { feed: viewFeed, notice: viewNotice, search: viewSearch, settings: viewSettings, data: viewData, welcome: viewWelcome };
    await (views[route] || viewFeed)(arg);
  } catch (e) {
    if (e instanceof ApiProblem && e.status === 401) return render();
    main().replaceChildren(problemBox(e));
  }
  if (mine === renderCount) {
    const h1 = document.getElementById("page-title");
    if (h1 && document.activeElement !== h1 && renderCount > 1) h1.focus();
  }
}

// ---- sign-in ----

function viewSignIn() {
  const field = el("input", { id: "token", type: "text", autocomplete: "off", spellcheck: "false" });
  const problem = el("div");
  page("signin.title",
    el("p", { text: t("signin.lead") }),
    el("p", {}, el("a", { class: "button", id: "demo-sign-in", href: "/demo/sign-in?role=RESIDENT&return=" + encodeURIComponent("/app/index.html" + location.search), text: t("signin.demo") })),
    el("div", { class: "field" }, el("label", { for: "token", text: t("signin.token") }), field),
    el("button", {
      type: "button", class: "secondary", text: t("signin.use"), onclick: () => {
        const tok = field.value.trim();
        if (!rolesOf(tok).includes("RESIDENT")) {
          problem.replaceChildren(problemBox({ message: t("signin.wrongRole") }));
          return;
        }
        sessionStorage.setItem("kairan.token", tok);
        render();
      },
    }),
    problem);
}

// ---- onboarding and settings ----

let towns = null;

async function loadTowns() {
  if (towns) return towns;
  const r = await fetch(CITY.towns);
  if (!r.ok) throw new ApiProblem(r.status, { title: "towns: " + r.status });
  const lines = (await r.text()).trim().split(/\r?\n/).slice(1);
  // row_id,town,chome,oaza_base,former_village_prefix,postal_code,postal_town,postal_kana,lat,lon
  towns = lines.map((line) => {
    const f = line.split(",");
    return { id: f[0], name: f[1], district: f[4] || f[3], lat: Number(f[8]), lon: Number(f[9]) };
  });
  return towns;
}

function consentFieldset(current) {
  return el("fieldset", { id: "consents" },
    el("legend", { text: t("consents") }),
    el("p", { class: "emergency-note", text: t("onboarding.emergency") }),
    Object.keys(CATEGORIES).map((cat) => {
      const id = "consent-" + cat;
      return el("div", { class: "consent" },
        el("input", { type: "checkbox", id, name: cat, checked: !!(current[cat] && current[cat].granted), "aria-describedby": id + "-purpose" }),
        el("label", { for: id, text: category(cat) }),
        el("span", { class: "purpose", id: id + "-purpose", text: category(cat, "purpose") }));
    }));
}

function chosenConsents(before) {
  const now = new Date().toISOString();
  const out = {};
  for (const box of document.querySelectorAll("#consents input[type=checkbox]")) {
    const old = before[box.name];
    // An unchanged answer keeps its time: the history records what changed, and when.
    out[box.name] = old && old.granted === box.checked ? old : { granted: box.checked, at: now };
  }
  return out;
}

async function profileFields(p) {
  const all = await loadTowns();
  const districts = [];
  for (const town of all) if (!districts.includes(town.district)) districts.push(town.district);
  const home = p && p.home;
  const current = home && all.find((x) => Math.abs(x.lat - home.lat) < 1e-9 && Math.abs(x.lon - home.lon) < 1e-9);
  const select = el("select", { id: "town", name: "town", "aria-describedby": "town-hint" },
    el("option", { value: "", text: t("town.choose") }),
    districts.map((d) => el("optgroup", { label: d },
      all.filter((x) => x.district === d).map((x) => el("option", {
        value: x.id, text: x.name, selected: current ? current.id === x.id : (p && !home && p.district === d && x === all.find((y) => y.district === d)),
      })))));
  const q = (p && p.quietHours) || {};
  const firstLang = p && p.languages && p.languages[0] || lang;
  return [
    el("div", { class: "field" }, el("label", { for: "town", text: t("town") }),
      el("span", { class: "hint", id: "town-hint", text: t("town.hint") }), select),
    el("div", { class: "field" }, el("label", { for: "birthYear", text: t("birthYear") }),
      el("input", { id: "birthYear", type: "text", inputmode: "numeric", autocomplete: "bday-year", value: p ? String(p.birthYear) : "" })),
    el("div", { class: "field" }, el("label", { for: "children", text: t("children") }),
      el("span", { class: "hint", id: "children-hint", text: t("children.hint") }),
      el("input", { id: "children", type: "text", inputmode: "numeric", "aria-describedby": "children-hint", value: p ? p.childrenBirthYears.join(", ") : "" })),
    el("div", { class: "field" }, el("label", { for: "languages", text: t("languages") }),
      el("span", { class: "hint", id: "languages-hint", text: t("languages.hint") }),
      el("select", { id: "languages", "aria-describedby": "languages-hint" },
        [["ja", "日本語"], ["ja-x-easy", "やさしい にほんご"], ["en", "English"]].map(([v, label]) =>
          el("option", { value: v, lang: v === "en" ? "en" : "ja", selected: v === firstLang, text: label })))),
    el("fieldset", { "aria-describedby": "quiet-hint" },
      el("legend", { text: t("quiet") }),
      el("span", { class: "hint", id: "quiet-hint", text: t("quiet.hint") }),
      el("div", { class: "row" },
        el("div", { class: "field" }, el("label", { for: "quietStart", text: t("quiet.start") }),
          el("input", { id: "quietStart", type: "text", inputmode: "numeric", placeholder: "22:00", value: q.start || "" })),
        el("div", { class: "field" }, el("label", { for: "quietEnd", text: t("quiet.end") }),
          el("input", { id: "quietEnd", type: "text", inputmode: "numeric", placeholder: "07:00", value: q.end || "" })))),
    el("section", { "aria-labelledby": "digest-heading" },
      el("h2", { id: "digest-heading", text: t("digest") }),
      el("p", { id: "digest-time", text: t("digest.unknown") })),
  ];
}

/** The digest's time, from the latest digest the resident has (the city sets it, not the resident). */
async function showDigestTime() {
  try {
    const digests = await (await api("GET", "/api/v1/me/feed/digest")).json();
    if (Array.isArray(digests) && digests.length && digests[0].pushAt) {
      const hhmm = new Intl.DateTimeFormat("ja-JP", { hour: "2-digit", minute: "2-digit", timeZone: "Asia/Tokyo" }).format(new Date(digests[0].pushAt));
      const p = document.getElementById("digest-time");
      if (p) p.textContent = t("digest.known", { time: hhmm });
    }
  } catch (e) { /* the general sentence stays */ }
}

/** The profile the form says, as the API takes it; the API checks it (its problems are shown). */
function formProfile(consents) {
  const town = (towns || []).find((x) => x.id === document.getElementById("town").value);
  const start = document.getElementById("quietStart").value.trim();
  const end = document.getElementById("quietEnd").value.trim();
  const yearText = document.getElementById("birthYear").value.trim();
  const children = document.getElementById("children").value.split(/[,、\s]+/).filter((x) => x !== "");
  return {
    municipalityCode: CITY.code,
    district: town ? town.district : "",
    home: town ? { lat: town.lat, lon: town.lon } : null,
    birthYear: /^\d+$/.test(yearText) ? Number(yearText) : yearText,
    childrenBirthYears: children.map((c) => (/^\d+$/.test(c) ? Number(c) : c)),
    languages: [document.getElementById("languages").value],
    interests: profile ? profile.interests : [],
    consents,
    quietHours: start || end ? { start, end } : null,
    timeZone: "Asia/Tokyo",
    accessibility: profile ? profile.accessibility : [],
  };
}

async function save(consents, box) {
  box.replaceChildren();
  try {
    profile = await (await api("PUT", "/api/v1/me/profile", formProfile(consents))).json();
    return true;
  } catch (e) {
    box.replaceChildren(problemBox(e));
    const first = box.querySelector(".problem");
    if (first) first.setAttribute("tabindex", "-1"), first.focus();
    return false;
  }
}

let onboardingConsents = null;

async function viewWelcome(step) {
  if (step !== "profile" || onboardingConsents === null) {
    page("onboarding.title",
      el("p", { text: t("onboarding.lead") }),
      consentFieldset(onboardingConsents || {}),
      el("div", { class: "actions" }, el("button", {
        type: "button", id: "next", text: t("onboarding.next"), onclick: () => {
          onboardingConsents = chosenConsents({});
          location.hash = "#/welcome/profile";
        },
      })));
    return;
  }
  const box = el("div");
  const form = el("form", { novalidate: true, onsubmit: async (ev) => {
    ev.preventDefault();
    if (await save(onboardingConsents, box)) {
      onboardingConsents = null;
      location.hash = "#/feed";
    }
  } }, await profileFields(null), box, el("div", { class: "actions" }, el("button", { type: "submit", id: "save", text: t("start") })));
  page("profile.title", form);
}

async function viewSettings() {
  const box = el("div");
  const before = profile.consents || {};
  const form = el("form", { novalidate: true, onsubmit: async (ev) => {
    ev.preventDefault();
    if (await save(chosenConsents(before), box)) {
      box.replaceChildren(el("p", { class: "banner", role: "status", text: t("saved") }));
    }
  } }, await profileFields(profile), consentFieldset(before), box,
  el("div", { class: "actions" }, el("button", { type: "submit", id: "save", text: t("save") })));
  page("settings.title", form);
  showDigestTime();
}

// ---- the feed ----

function noticeItem(item) {
  known[item.noticeId] = item;
  const title = pick(item.title);
  return el("li", { class: item.severity, "data-notice": item.noticeId },
    el("p", { class: "meta" },
      el("span", { class: "badge " + item.severity, text: t("severity." + item.severity) }),
      el("span", { text: category(item.category) })),
    el("a", { class: "title", href: "#/notice/" + encodeURIComponent(item.noticeId), lang: title.lang === "en" ? "en" : title.lang ? "ja" : null, text: title.text }),
    el("p", { class: "meta", text: t("publisher", { name: item.publisher || "" }) + " ・ " + t("delivered", { time: time(item.deliveredAt) }) }));
}

async function viewFeed() {
  const list = el("ul", { class: "notice-list", id: "feed" });
  const more = el("div", { class: "actions" });
  const offline = el("div");
  page("feed.title", offline, list, more);
  let cursor = null;
  async function next() {
    const r = await api("GET", "/api/v1/me/feed?size=" + PAGE_SIZE + (cursor ? "&cursor=" + encodeURIComponent(cursor) : ""));
    if (r.headers.get("Kairan-Offline")) offline.replaceChildren(el("p", { class: "banner", id: "offline", text: t("feed.offline") }));
    const items = await r.json();
    const before = list.children.length;
    for (const item of items) list.append(noticeItem(item));
    cursor = r.headers.get("Kairan-Next-Cursor");
    if (!list.children.length) list.replaceWith(el("p", { id: "feed", text: t("feed.empty") }));
    more.replaceChildren(cursor
      ? el("button", { type: "button", id: "more", class: "secondary", text: t("feed.more"), onclick: async (ev) => {
        ev.target.disabled = true;
        try {
          await next();
          // Keyboard and screen-reader users continue at the first new notice.
          const first = list.children[before] || list.children[list.children.length - 1];
          const link = first && first.querySelector("a");
          if (link) link.focus();
        } catch (e) {
          more.replaceChildren(problemBox(e));
        }
      } })
      : el("p", { class: "muted", id: "feed-end", text: t("feed.end") }));
  }
  await next();
}

// ---- one notice ----

function reasonText(r) {
  const rules = [
    [/^you live in (.+)$/, (m) => t("reason.district", { d: m[1] })],
    [/^your child is (\d+)$/, (m) => t("reason.child", { n: m[1] })],
    [/^you are (\d+)$/, (m) => t("reason.age", { n: m[1] })],
    [/^for everyone in the city$/, () => t("reason.everyone")],
    [/^you are registered in municipality (.+)$/, (m) => t("reason.municipality", { c: m[1] })],
    [/^you read (.+)$/, (m) => t("reason.read", { l: m[1] })],
    [/^you follow (.+)$/, (m) => t("reason.follow", { i: m[1] })],
    [/^your home area \((.+)\) is in the notice's area$/, (m) => t("reason.area", { d: m[1] })],
  ];
  for (const [re, f] of rules) {
    const m = re.exec(r);
    if (m) return el("li", { text: f(m) });
  }
  return el("li", { lang: "en", text: r });
}

function safeUrl(u) {
  try {
    const url = new URL(u);
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
  } catch (e) {
    return null;
  }
}

async function viewNotice(rawId) {
  const id = decodeURIComponent(rawId || "");
  const back = el("p", {}, el("a", { href: "#/feed", text: t("back") }));
  let n;
  try {
    n = await (await api("GET", "/api/v1/me/notices/" + encodeURIComponent(id) + "?lang=" + encodeURIComponent(lang))).json();
  } catch (e) {
    if (e instanceof ApiProblem && e.status === 410) {
      page("feed.title", el("p", { class: "banner", role: "alert", text: t("gone", { time: time(e.problem.withdrawnAt) }) }), back);
      return;
    }
    throw e;
  }
  const item = known[id];
  const titleLang = item ? pick(item.title).lang : null;
  const textLang = titleLang === "en" ? "en" : titleLang ? "ja" : null;
  const status = el("p", { id: "feedback-status", role: "status" });
  const react = (kind) => async () => {
    try {
      await api("POST", "/api/v1/me/feedback", { noticeId: id, kind });
      status.textContent = t("thanks." + kind);
    } catch (e) {
      status.replaceChildren(problemBox(e));
    }
  };
  const url = n.url && safeUrl(n.url);
  const m = page("feed.title");
  const h1 = m.querySelector("h1");
  h1.textContent = n.title;
  if (textLang) h1.setAttribute("lang", textLang);
  document.title = n.title + " — " + t("brand");
  // Native append writes a null as the text "null": leave the absent parts out.
  m.append(...[
    el("p", { class: "meta" },
      el("span", { class: "badge " + n.severity, text: t("severity." + n.severity) }),
      el("span", { text: category(n.category) })),
    el("p", { class: "meta", text: t("publisher", { name: n.publisher || "" }) }),
    n.validity ? el("p", { class: "meta", text: t("valid", { from: time(n.validity.from), until: time(n.validity.until) }) }) : null,
    n.whatChanged ? el("p", { class: "banner", lang: textLang, text: t("whatChanged", { text: n.whatChanged }) }) : null,
    el("p", { class: "body", lang: textLang, text: n.body || "" }),
    url ? el("p", {}, el("a", { href: url, rel: "noopener", text: t("more") })) : null,
    (n.sites || []).length ? el("section", { class: "sites", "aria-labelledby": "sites-heading" },
      el("h2", { id: "sites-heading", text: t("site.title") }),
      n.sites.map((s) => el("div", { class: "site", "data-site": s.siteId },
        el("p", {}, el("strong", { class: "site-name", text: s.name })),
        s.address ? el("p", { class: "site-address", text: s.address }) : null,
        el("p", { class: "site-reason", text: t("site." + s.reason) }),
        typeof s.distanceKm === "number" ? el("p", { class: "site-distance", text: t("site.distance", { km: s.distanceKm.toFixed(1) }) }) : null))) : null,
    el("details", { class: "why", id: "why" },
      el("summary", { text: t("why") }),
      el("ul", { id: "reasons" }, (n.reasons || []).map(reasonText)),
      el("p", { id: "rule-version", text: t("why.rule", { version: n.ruleVersion || "–" }) }),
      n.channel ? el("p", { text: t("why.channel", { channel: t("channel." + n.channel) }) }) : null),
    el("div", { class: "actions" },
      el("button", { type: "button", id: "useful", text: t("useful"), onclick: react("USEFUL") }),
      el("button", { type: "button", id: "not-interested", class: "secondary", text: t("notInterested"), onclick: react("NOT_INTERESTED") })),
    status,
    back].filter(Boolean));
  // Opened: it leaves the unread filter, and teaches the recommender a little.
  api("POST", "/api/v1/me/feedback", { noticeId: id, kind: "OPENED" }).catch(() => {});
}

// ---- search ----

async function viewSearch() {
  const results = el("div", { id: "results", "aria-live": "polite" });
  const input = el("input", { id: "q", type: "search", name: "q", "aria-describedby": "q-hint", maxlength: "100" });
  let pageNo = 0;
  async function run(append) {
    const q = input.value.trim();
    if (!q) return;
    try {
      const r = await (await api("GET", "/api/v1/me/search?size=10&page=" + pageNo + "&lang=" + encodeURIComponent(lang) + "&q=" + encodeURIComponent(q))).json();
      const list = append && results.querySelector("ul") || el("ul", { class: "notice-list" });
      for (const hit of r.items) {
        list.append(el("li", { class: hit.severity, "data-notice": hit.noticeId },
          el("p", { class: "meta" }, el("span", { class: "badge " + hit.severity, text: t("severity." + hit.severity) }), el("span", { text: category(hit.category) })),
          el("a", { class: "title", href: "#/notice/" + encodeURIComponent(hit.noticeId), text: hit.title }),
          el("p", { class: "meta", text: t("publisher", { name: hit.publisher || "" }) })));
      }
      const children = [el("p", { id: "result-count", text: list.children.length ? t("search.count", { n: list.children.length }) : t("search.none") })];
      if (list.children.length) children.push(list);
      if (r.next !== null && r.next !== undefined) {
        children.push(el("button", { type: "button", class: "secondary", text: t("search.next"), onclick: () => { pageNo = r.next; run(true); } }));
      }
      results.replaceChildren(...children);
    } catch (e) {
      results.replaceChildren(problemBox(e));
    }
  }
  page("search.title",
    el("form", { role: "search", novalidate: true, onsubmit: (ev) => { ev.preventDefault(); pageNo = 0; run(false); } },
      el("div", { class: "field" }, el("label", { for: "q", text: t("search.q") }),
        el("span", { class: "hint", id: "q-hint", text: t("search.hint") }), input),
      el("button", { type: "submit", id: "search", text: t("search.go") })),
    results);
}

// ---- my data ----

async function viewData() {
  const out = el("div", { id: "export" });
  const box = el("div");
  const confirm = el("input", { type: "checkbox", id: "confirm-erase" });
  const erase = el("button", { type: "button", id: "erase", class: "danger", disabled: true, text: t("data.delete") });
  confirm.addEventListener("change", () => { erase.disabled = !confirm.checked; });
  erase.addEventListener("click", async () => {
    box.replaceChildren();
    try {
      const answer = await (await api("DELETE", "/api/v1/me")).json();
      await forgetOfflineCopy();
      profile = null;
      sessionStorage.removeItem("kairan.session");
      sessionStorage.removeItem("kairan.token");
      document.getElementById("nav").hidden = true;
      page("data.title", el("p", { class: "banner", id: "erased", role: "status", text: t("data.deleted", { until: time(answer.logTopicsKeepUntil) }) }),
        el("p", {}, el("a", { href: "/app/index.html", text: t("signin.title") })));
    } catch (e) {
      box.replaceChildren(problemBox(e));
    }
  });
  page("data.title",
    el("p", { text: t("data.lead") }),
    el("div", { class: "actions" }, el("button", { type: "button", id: "export-button", text: t("data.export"), onclick: async () => {
      try {
        const data = await (await api("GET", "/api/v1/me/export")).json();
        const n = (x) => (Array.isArray(x) ? x.length : 0);
        const file = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }));
        out.replaceChildren(
          el("p", { id: "export-summary", text: t("data.summary", {
            p: data.profile ? t("data.yes") : t("data.no"), c: n(data.consentHistory), d: n(data.devices), n: n(data.deliveries), f: n(data.feedback),
          }) }),
          el("p", {}, el("a", { class: "button secondary", id: "export-file", href: file, download: "my-kairan-data.json", text: t("data.file") })));
      } catch (e) {
        out.replaceChildren(problemBox(e));
      }
    } })),
    out,
    el("section", { "aria-labelledby": "erase-heading" },
      el("h2", { id: "erase-heading", text: t("data.delete") }),
      el("p", { text: t("data.delete.lead") }),
      el("div", { class: "consent" }, confirm, el("label", { for: "confirm-erase", text: t("data.confirm") })),
      el("div", { class: "actions" }, erase),
      box),
    el("div", { class: "actions" }, el("button", { type: "button", class: "secondary", id: "sign-out", text: t("signout"), onclick: signOut })));
}

// ---- start ----

document.addEventListener("DOMContentLoaded", () => {
  document.getElementById("lang").addEventListener("change", (ev) => {
    lang = ev.target.value;
    localStorage.setItem("kairan.app.lang", lang);
    render();
  });
  window.addEventListener("hashchange", render);
  render();
});
