// The analyst workbench: what runs in each slot and each slot's history; a candidate rule set
// edited as JSON (the API's problem details name each invalid field); a simulation of the
// candidate beside the active set with a progress bar and charts of its figures; publish to
// shadow, activate, roll back. Only the public API is called, with the analyst's token.
"use strict";

K.strings({
  "w.title": ["分析ワークベンチ", "ぶんせきの がめん", "Analyst workbench"],
  "w.signinHint": ["分析担当のトークンでサインインしてください。", "ぶんせき たんとうの トークンで はいって ください。", "Sign in with an analyst's token."],
  "w.slots": ["動いている規則", "いま うごいている きまり", "Rule sets in the slots"],
  "w.refresh": ["再読み込み", "もう いちど よむ", "Reload"],
  "w.active": ["本番（active）", "ほんばん", "Active"],
  "w.shadow": ["影（shadow、住民には届かない）", "ためし（じゅうみんには とどかない）", "Shadow (never reaches residents)"],
  "w.shadowEmpty": ["影を止める", "ためしを とめる", "Stop the shadow"],
  "w.slotLine": ["{name} 版{version}・{by}・{at}", "{name} {version}ばん・{by}・{at}", "{name} v{version} · {by} · {at}"],
  "w.slotBuiltin": ["組み込みの規則（まだ公開されていません）", "もとからの きまり", "The built-in rules (none published yet)"],
  "w.slotEmpty": ["空です", "からです", "Empty"],
  "w.editor": ["候補の規則を編集", "ためす きまりを かく", "Edit a candidate"],
  "w.candidate": ["候補の規則（JSON）", "ためす きまり（JSON）", "Candidate rule set (JSON)"],
  "w.candidateHint": ["項目: name, version, weights, categoryWeights, digestCategories, pushThreshold, dailyPushCap, firmDailyPushCap, defaultQuietHours, digestTime", "こうもく: name, version, weights, …", "Fields: name, version, weights, categoryWeights, digestCategories, pushThreshold, dailyPushCap, firmDailyPushCap, defaultQuietHours, digestTime"],
  "w.loadActive": ["本番の規則を読み込む", "ほんばんの きまりを よむ", "Load the active set"],
  "w.toShadow": ["影に公開", "ためしに だす", "Publish to shadow"],
  "w.toActive": ["本番に適用", "ほんばんに する", "Make it active"],
  "w.simulate": ["シミュレーション", "ためしに けいさん", "Simulation"],
  "w.days": ["過去何日分（1〜30）", "なんにち ぶん（1〜30）", "Days back (1–30)"],
  "w.run": ["実行", "はじめる", "Run"],
  "w.progress": ["進み具合", "すすみぐあい", "Progress"],
  "w.results": ["シミュレーションの結果（候補と本番）", "けっか（ためしと ほんばん）", "Simulation results (candidate beside active)"],
  "w.resultsMeta": ["{from} 〜 {to}、お知らせ {notices} 件（{versions} 版）、住民 {residents} 人", "{from} 〜 {to}、おしらせ {notices}、じゅうみん {residents}", "{from} to {to}: {notices} notices ({versions} versions), {residents} residents"],
  "w.candidateSeries": ["候補", "ためし", "Candidate"],
  "w.activeSeries": ["本番", "ほんばん", "Active"],
  "w.pushesCaption": ["住民1人1日あたりの通知数", "ひとり いちにちの しらせの かず", "Pushes per resident per day"],
  "w.coverageCaption": ["重要なお知らせが通知かまとめで届いた割合（%）", "だいじな おしらせが しらせで とどいた わりあい（%）", "Coverage of important notices: share told by a push or the digest (%)"],
  "w.categoriesCaption": ["分類と届け方ごとの配信数", "しゅるいと とどけかたごとの かず", "Deliveries by category and channel"],
  "w.changedCaption": ["届け方が変わる住民: {n} 人", "とどけかたが かわる ひと: {n} にん", "Residents whose channel changes: {n}"],
  "w.changedWithheld": ["届け方が変わる住民: 非表示（10人未満）", "とどけかたが かわる ひと: かくしています", "Residents whose channel changes: withheld (under 10)"],
  "w.from": ["本番で", "ほんばん", "Active"],
  "w.to": ["候補・影で", "ためし", "Candidate or shadow"],
  "w.deliveries": ["配信数", "かず", "Deliveries"],
  "w.compare": ["影と本番を比べる（実際の配信）", "ためしと ほんばんを くらべる", "Compare the shadow with the active set (real deliveries)"],
  "w.compareFrom": ["期間の始め（日本時間）", "いつから（にほんの じかん）", "From (Japan time)"],
  "w.compareTo": ["期間の終わり（日本時間）", "いつまで（にほんの じかん）", "To (Japan time)"],
  "w.compareRun": ["比べる", "くらべる", "Compare"],
  "w.comparison": ["比較の結果（影と本番）", "くらべた けっか（ためしと ほんばん）", "Comparison (shadow beside active)"],
  "w.comparisonMeta": ["{from} 〜 {to} に決まった配信", "{from} 〜 {to} の とどけもの", "Deliveries decided from {from} to {to}"],
  "w.shadowSeries": ["影", "ためし", "Shadow"],
  "w.history": ["履歴", "れきし", "History"],
  "w.activeHistory": ["本番の履歴", "ほんばんの れきし", "Active slot's history"],
  "w.shadowHistory": ["影の履歴", "ためしの れきし", "Shadow slot's history"],
  "w.when": ["日時", "いつ", "When"],
  "w.by": ["担当", "だれ", "By"],
  "w.ruleSet": ["規則", "きまり", "Rule set"],
  "w.rollbackOf": ["戻した元", "もどした もと", "Rollback of"],
  "w.actions": ["操作", "そうさ", "Actions"],
  "w.rollbackActive": ["これを本番に戻す", "これを ほんばんに もどす", "Roll the active slot back to this"],
  "w.rollbackShadow": ["これを影に戻す", "これを ためしに もどす", "Put this back in shadow"],
  "w.edit": ["編集に読み込む", "かきかえる", "Load into the editor"],
  "w.emptied": ["（影を止めた）", "（とめた）", "(shadow stopped)"],
  "w.publishedOk": ["{slot} に公開しました（{id}）。", "{slot} に だしました。", "Published to {slot} ({id})."],
  "w.rolledBackOk": ["{slot} を戻しました（{id}）。", "{slot} を もどしました。", "{slot} rolled back ({id})."],
  "w.stoppedOk": ["影を止めました。", "ためしを とめました。", "Shadow stopped."],
  "w.jsonError": ["JSON として読めません", "JSON が よめません", "Not readable as JSON"],
  "w.done": ["完了", "おわり", "Done"],
  "w.failed": ["失敗", "しっぱい", "Failed"],
  "w.running": ["実行中", "けいさん ちゅう", "Running"],
  "w.stat.p50": ["中央値（p50）", "まんなか（p50）", "Median (p50)"],
  "w.stat.p95": ["p95", "p95", "p95"],
  "w.stat.max": ["最大", "いちばん おおい", "Maximum"],
  "w.share": ["割合", "わりあい", "Share"],
});

const $ = (id) => document.getElementById(id);
let rules = null;
let lastStatus = null;

function candidate() {
  try {
    return JSON.parse($("candidate").value);
  } catch (e) {
    throw new K.Problem({ title: K.t("w.jsonError"), detail: e.message, status: "" });
  }
}

function ok(message) {
  K.clearProblem($("rules-problem"));
  K.say($("rules-status"), message);
}

function fail(box, e) {
  $("rules-status").hidden = true;
  K.showProblem(box, e);
}

/** A rule set as the API takes it back: without what the server sets. */
function editable(r) {
  const copy = Object.assign({}, r);
  delete copy.slot;
  delete copy.createdAt;
  return copy;
}

async function loadRules() {
  try {
    rules = (await K.call("GET", "/api/v1/rules")).body;
    K.clearProblem($("rules-problem"));
  } catch (e) {
    fail($("rules-problem"), e);
    return;
  }
  const slot = (box, s, empty) => {
    const line = box.querySelector(".slot-line");
    const json = box.querySelector(".slot-json");
    if (!s || !s.rules) {
      line.textContent = K.t(empty);
      json.textContent = "";
      return;
    }
    line.textContent = s.id
      ? K.t("w.slotLine", { name: s.rules.name, version: s.rules.version, by: s.publishedBy, at: K.fmtTime(s.publishedAt) })
      : K.t("w.slotBuiltin") + ` (${s.rules.name}/${s.rules.version})`;
    json.textContent = JSON.stringify(editable(s.rules), null, 2);
    box.dataset.name = s.rules.name;
    box.dataset.version = s.rules.version;
  };
  slot($("slot-active"), rules.active, "w.slotBuiltin");
  slot($("slot-shadow"), rules.shadow, "w.slotEmpty");
  renderHistory("history-active", rules.activeHistory || []);
  renderHistory("history-shadow", rules.shadowHistory || []);
  if (!$("candidate").value.trim() && rules.active && rules.active.rules) loadActive();
}

function renderHistory(tableId, entries) {
  const tb = $(tableId).querySelector("tbody");
  tb.replaceChildren();
  entries.forEach((h) => {
    const actions = K.el("td");
    if (h.rules) {
      actions.append(
        K.el("button", { type: "button", class: "rollback-active", onclick: () => rollback("active", h.id) }, K.t("w.rollbackActive")),
        K.el("button", { type: "button", class: "rollback-shadow", onclick: () => rollback("shadow", h.id) }, K.t("w.rollbackShadow")),
        K.el("button", { type: "button", onclick: () => { $("candidate").value = JSON.stringify(editable(h.rules), null, 2); $("candidate").focus(); } }, K.t("w.edit")));
    }
    tb.append(K.el("tr", { "data-id": h.id },
      K.el("td", {}, K.fmtTime(h.publishedAt)),
      K.el("td", {}, h.publishedBy || ""),
      K.el("td", {}, h.rules ? `${h.rules.name} / ${h.rules.version}` : K.t("w.emptied")),
      K.el("td", { class: "mono" }, h.rollbackOf || ""),
      actions));
  });
}

function loadActive() {
  if (rules && rules.active && rules.active.rules) {
    $("candidate").value = JSON.stringify(editable(rules.active.rules), null, 2);
  }
}

async function publish(slot) {
  const box = $("candidate-problem");
  K.clearProblem(box);
  try {
    const res = await K.call("PUT", "/api/v1/rules/" + slot, candidate());
    ok(K.t("w.publishedOk", { slot, id: res.headers.get("Kairan-Rules-Id") || "" }));
    await loadRules();
  } catch (e) {
    fail(box, e);
  }
}

async function rollback(slot, id) {
  try {
    const res = await K.call("POST", `/api/v1/rules/${slot}/rollback`, { id });
    ok(K.t("w.rolledBackOk", { slot, id: res.body.id }));
    await loadRules();
  } catch (e) {
    fail($("rules-problem"), e);
  }
}

async function stopShadow() {
  try {
    await K.call("DELETE", "/api/v1/rules/shadow");
    ok(K.t("w.stoppedOk"));
    await loadRules();
  } catch (e) {
    fail($("rules-problem"), e);
  }
}

// ---- simulation ----
async function simulate() {
  const box = $("candidate-problem");
  K.clearProblem(box);
  $("results").hidden = true;
  let started;
  try {
    started = await K.call("POST", "/api/v1/rules/simulations", { rules: candidate(), days: Number($("days").value) });
  } catch (e) {
    fail(box, e);
    return;
  }
  $("sim-progress").hidden = false;
  $("sim-progress").dataset.id = started.body.id;
  $("simulate").disabled = true;
  const url = started.headers.get("Location") || "/api/v1/rules/simulations/" + started.body.id;
  let status = started.body;
  try {
    while (status.state === "RUNNING") {
      progress(status);
      await new Promise((r) => setTimeout(r, 300));
      status = (await K.call("GET", url)).body;
    }
    progress(status);
    if (status.state === "DONE") showResults(status);
    else fail(box, new K.Problem({ title: K.t("w.failed"), detail: status.error, status: "" }));
  } catch (e) {
    fail(box, e);
  } finally {
    $("simulate").disabled = false;
  }
}

function localTime(ms) {
  return new Date(ms + 9 * 3600 * 1000).toISOString().slice(0, 16);
}

async function compare() {
  const box = $("compare-problem");
  K.clearProblem(box);
  const instant = (id) => ($(id).value ? new Date($(id).value + ":00+09:00").toISOString() : "");
  const query = new URLSearchParams({ from: instant("compare-from"), to: instant("compare-to") });
  try {
    showComparison((await K.call("GET", "/api/v1/rules/comparison?" + query)).body);
  } catch (e) {
    fail(box, e);
  }
}

function progress(s) {
  const pct = s.state === "DONE" ? 100 : Math.floor((s.progress || 0) * 100);
  $("sim-bar").value = pct;
  $("sim-percent").textContent = pct + "%";
  $("sim-state").textContent = K.t(s.state === "DONE" ? "w.done" : s.state === "FAILED" ? "w.failed" : "w.running");
  $("sim-progress").dataset.state = s.state;
}

/** A simulation's figures: the candidate beside the active set. */
function showResults(s) {
  lastStatus = s;
  const f = s.figures;
  $("results-heading").textContent = K.t("w.results");
  const meta = K.t("w.resultsMeta", { from: K.fmtTime(f.from), to: K.fmtTime(f.to), notices: f.notices, versions: f.versions, residents: f.residents });
  showFigures(f, f.candidate, K.t("w.candidateSeries") + " " + (s.candidate || ""), meta);
}

/** A comparison's figures: the shadow set beside the active one over a window. */
function showComparison(f) {
  lastStatus = { comparison: f };
  $("results-heading").textContent = K.t("w.comparison");
  const names = (x) => (x && x.ruleSets ? x.ruleSets.join(", ") : "");
  const meta = K.t("w.comparisonMeta", { from: K.fmtTime(f.from), to: K.fmtTime(f.to) });
  showFigures(f, f.shadow, K.t("w.shadowSeries") + " " + names(f.shadow), meta, K.t("w.activeSeries") + " " + names(f.active));
}

/** The charts of one rule set's figures (c) beside the active set's (f.active). */
function showFigures(f, candidate, cName, meta, aName) {
  const c = candidate || {}, a = f.active || {};
  const series = [cName, aName || K.t("w.activeSeries") + " " + (lastStatus.active || "")];
  $("results").hidden = false;
  $("results-meta").textContent = meta;
  const ppd = (x, k) => (x.pushesPerResidentPerDay && !x.pushesPerResidentPerDay.withheld ? x.pushesPerResidentPerDay[k] : null);
  K.barChart($("chart-pushes"), {
    caption: K.t("w.pushesCaption"),
    series,
    rows: ["p50", "p95", "max"].map((k) => ({ label: K.t("w.stat." + k), values: [ppd(c, k), ppd(a, k)] })),
  });
  const share = (x) => (x.importantCoverage && !x.importantCoverage.withheld && x.importantCoverage.share !== null && x.importantCoverage.share !== undefined ? Math.round(x.importantCoverage.share * 1000) / 10 : null);
  K.barChart($("chart-coverage"), { caption: K.t("w.coverageCaption"), series, rows: [{ label: K.t("w.share"), values: [share(c), share(a)] }], unit: "%" });
  const key = (cell) => cell.category + "|" + cell.channel;
  const cells = new Map();
  const add = (x, i) => (x.byCategoryAndChannel || []).forEach((cell) => {
    // A cell one set does not list had no deliveries under it: 0, not withheld.
    if (!cells.has(key(cell))) cells.set(key(cell), { cell, values: [0, 0] });
    cells.get(key(cell)).values[i] = cell.withheld ? null : cell.deliveries;
  });
  add(c, 0);
  add(a, 1);
  const rows = [...cells.values()]
    .sort((x, y) => (x.cell.category + x.cell.channel).localeCompare(y.cell.category + y.cell.channel))
    .map((r) => ({ label: `${K.t("cat." + r.cell.category)} · ${K.t("ch." + r.cell.channel)}`, values: r.values }));
  K.barChart($("chart-categories"), { caption: K.t("w.categoriesCaption"), series, rows });
  const changed = f.channelChanged || {};
  const box = $("chart-changed");
  box.replaceChildren(K.el("h3", {}, changed.withheld ? K.t("w.changedWithheld") : K.t("w.changedCaption", { n: K.count(changed.residents) })));
  const table = K.el("table", {}, K.el("thead", {}, K.el("tr", {}, K.el("th", { scope: "col" }, K.t("w.from")), K.el("th", { scope: "col" }, K.t("w.to")), K.el("th", { scope: "col", class: "num" }, K.t("w.deliveries")))));
  const tb = K.el("tbody");
  (changed.deliveries || []).forEach((d) => tb.append(K.el("tr", {}, K.el("td", {}, K.t("ch." + d.from)), K.el("td", {}, K.t("ch." + d.to)), K.el("td", { class: "num" }, d.withheld ? K.t("k.withheld") : K.count(d.deliveries)))));
  table.append(tb);
  box.append(table);
}

document.addEventListener("DOMContentLoaded", () => {
  staffPage(["ANALYST"], loadRules);
  K.onLang(() => {
    if (rules) loadRules();
    if (lastStatus && lastStatus.comparison) showComparison(lastStatus.comparison);
    else if (lastStatus) showResults(lastStatus);
  });
  $("rules-refresh").addEventListener("click", loadRules);
  $("load-active").addEventListener("click", loadActive);
  $("to-shadow").addEventListener("click", () => publish("shadow"));
  $("to-active").addEventListener("click", () => publish("active"));
  $("shadow-empty").addEventListener("click", stopShadow);
  $("simulate").addEventListener("click", simulate);
  $("compare").addEventListener("click", compare);
  const now = Date.now();
  $("compare-from").value = localTime(now - 7 * 86400000);
  $("compare-to").value = localTime(now + 60000);
});
