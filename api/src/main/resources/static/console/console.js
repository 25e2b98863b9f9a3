// The publisher console: compose a notice with an audience builder whose text form stays in step
// with the form, a live reach preview with a map of the districts, publish or schedule; one's own
// notices with update, correction, withdrawal and figures; a department's queue of firms' notices.
// Only the public API is called, with the signed-in publisher's token.
"use strict";

K.strings({
  "c.title": ["お知らせ発信コンソール", "おしらせを だす がめん", "Publisher console"],
  "c.signinHint": ["部署または事業者のトークンでサインインしてください。", "ぶしょ または おみせの トークンで はいって ください。", "Sign in with a department's or a firm's token."],
  "c.tabCompose": ["お知らせを作る", "おしらせを つくる", "Compose"],
  "c.tabMine": ["自分のお知らせ", "じぶんの おしらせ", "My notices"],
  "c.tabApprovals": ["承認待ち（事業者）", "おみせの おしらせの しょうにん", "Approval queue (firms)"],
  "c.composeNew": ["新しいお知らせ", "あたらしい おしらせ", "New notice"],
  "c.editing": ["更新中: {title}（版 {version}）", "なおしています: {title}（{version}ばん）", "Updating: {title} (version {version})"],
  "c.correcting": ["訂正中: {title}（版 {version}）", "まちがいを なおしています: {title}（{version}ばん）", "Correcting: {title} (version {version})"],
  "c.content": ["内容", "なかみ", "Content"],
  "c.category": ["分類", "しゅるい", "Category"],
  "c.severity": ["重要度", "だいじさ", "Severity"],
  "c.hazard": ["災害の種類（緊急のとき）", "さいがいの しゅるい（きんきゅうの とき）", "Hazard (for an emergency)"],
  "c.noHazard": ["なし", "なし", "None"],
  "c.titleJa": ["件名（日本語）", "だいめい（にほんご）", "Title (Japanese)"],
  "c.titleEasy": ["件名（やさしい日本語）", "だいめい（やさしい にほんご）", "Title (easy Japanese)"],
  "c.titleEn": ["件名（英語）", "だいめい（えいご）", "Title (English)"],
  "c.bodyJa": ["本文（日本語）", "ほんぶん（にほんご）", "Body (Japanese)"],
  "c.bodyEn": ["本文（英語）", "ほんぶん（えいご）", "Body (English)"],
  "c.from": ["掲載開始（日本時間）", "いつから（にほんの じかん）", "Valid from (Japan time)"],
  "c.until": ["掲載終了（日本時間）", "いつまで（にほんの じかん）", "Valid until (Japan time)"],
  "c.audience": ["対象者", "だれに とどけるか", "Audience"],
  "c.audienceForm": ["条件（すべてを満たす人）", "じょうけん（ぜんぶに あう ひと）", "Conditions (residents meeting all)"],
  "c.districtFilter": ["地区を絞り込む", "ちくを さがす", "Filter the districts"],
  "c.districts": ["地区（選ばなければ全地区）", "ちく（えらばないと ぜんぶ）", "Districts (none chosen: all)"],
  "c.age": ["年齢", "としの はんい", "Age"],
  "c.childAge": ["子どもの年齢", "こどもの とし", "A child's age"],
  "c.min": ["から", "から", "from"],
  "c.max": ["まで", "まで", "to"],
  "c.language": ["話す言語", "はなす ことば", "Speaks"],
  "c.anyLanguage": ["指定しない", "きめない", "Any"],
  "c.interest": ["関心（例: 子育て）", "きょうみ（れい: こそだて）", "Interest (e.g. childcare)"],
  "c.audienceText": ["対象者の式（編集できます）", "だれに とどけるかの しき（かきかえ できます）", "The audience as text (editable)"],
  "c.audienceTextHint": ["例: district in [\"北会津町\"] and childAge 0..6 or age 65..130", "れい: district in [\"北会津町\"] and childAge 0..6", "e.g. district in [\"北会津町\"] and childAge 0..6 or age 65..130"],
  "c.audienceBeyondForm": ["この式はフォームで表せません。式のとおりに届けます。", "この しきは うえの じょうけんで あらわせません。しきの とおりに とどけます。", "The form cannot show this expression; the text is what counts."],
  "c.send": ["送信", "だす", "Send"],
  "c.publishNow": ["今すぐ公開", "いま だす", "Publish now"],
  "c.publishAt": ["予約公開の日時（日本時間）", "だす にちじ（にほんの じかん）", "Publish at (Japan time)"],
  "c.schedule": ["予約する", "よやく する", "Schedule"],
  "c.update": ["更新", "なおす", "Update"],
  "c.significant": ["重要な変更（もう一度通知する）", "だいじな かわり（もう いちど しらせる）", "Significant change (push again)"],
  "c.saveUpdate": ["更新を公開", "なおしたものを だす", "Publish the update"],
  "c.cancelEdit": ["編集をやめる", "なおすのを やめる", "Stop editing"],
  "c.correct": ["訂正", "まちがいを なおす", "Correction"],
  "c.whatJa": ["何を訂正したか（日本語）", "なにを なおしたか（にほんご）", "What changed (Japanese)"],
  "c.whatEn": ["何を訂正したか（英語）", "なにを なおしたか（えいご）", "What changed (English)"],
  "c.saveCorrect": ["訂正を公開", "なおしたものを だす", "Publish the correction"],
  "c.preview": ["届く人数の見込み", "とどく ひとの かず", "Reach preview"],
  "c.previewTotal": ["{n} 人", "{n} にん", "{n} residents"],
  "c.previewMeta": ["規則 {rules}、{at} 時点", "きまり {rules}、{at}", "Rule set {rules}, as of {at}"],
  "c.byChannel": ["届け方ごと", "とどけかた", "By channel"],
  "c.byDistrict": ["地区ごと", "ちくごと", "By district"],
  "c.channel": ["届け方", "とどけかた", "Channel"],
  "c.district": ["地区", "ちく", "District"],
  "c.residents": ["人数", "にんずう", "Residents"],
  "c.map": ["届く地区の地図", "とどく ちくの ちず", "Map of the districts reached"],
  "c.mapSource": ["町の位置: Geolonia japanese-addresses（CC BY 4.0）", "まちの いち: Geolonia（CC BY 4.0）", "Town positions: Geolonia japanese-addresses (CC BY 4.0)"],
  "c.mapLabel": ["{n} 地区に届きます（点は町）", "{n} の ちくに とどきます", "{n} districts reached (each dot is a town)"],
  "c.mapReached": ["届く", "とどく", "Reached"],
  "c.mapWithheld": ["届く（人数は非表示）", "とどく（かずは かくしています）", "Reached (count withheld)"],
  "c.mapNot": ["届かない", "とどかない", "Not reached"],
  "c.approximations": ["見込みの前提", "みこみの まえの じょうけん", "What the preview assumes"],
  "c.published": ["公開", "だした ひ", "Published"],
  "c.scheduledOk": ["予約しました（ID {id}、{at}）。", "よやく しました（{at}）。", "Scheduled (id {id}, {at})."],
  "c.publishedOk": ["公開しました（ID {id}）。", "だしました（ID {id}）。", "Published (id {id})."],
  "c.waitingOk": ["承認を待っています（ID {id}）。", "しょうにんを まって います（ID {id}）。", "Waiting for approval (id {id})."],
  "c.updatedOk": ["版 {version} を公開しました。", "{version}ばんを だしました。", "Version {version} published."],
  "c.withdrawnOk": ["取り下げました。", "とりさげました。", "Withdrawn."],
  "c.needPublishAt": ["予約公開の日時を入れてください。", "だす にちじを いれて ください。", "Enter when to publish."],
  "c.refresh": ["再読み込み", "もう いちど よむ", "Reload"],
  "c.status": ["状態", "いまの ようす", "Status"],
  "c.version": ["版", "ばん", "Version"],
  "c.actions": ["操作", "そうさ", "Actions"],
  "c.open": ["開く", "ひらく", "Open"],
  "c.edit": ["更新する", "なおす", "Update"],
  "c.correctIt": ["訂正する", "まちがいを なおす", "Correct"],
  "c.figures": ["数値を見る", "かずを みる", "Figures"],
  "c.withdraw": ["取り下げる", "とりさげる", "Withdraw"],
  "c.withdrawSure": ["取り下げは元に戻せません。", "とりさげると もとに もどせません。", "A withdrawal is final."],
  "c.withdrawYes": ["取り下げを確定", "とりさげる", "Withdraw it"],
  "c.withdrawNo": ["やめる", "やめる", "Keep it"],
  "c.versions": ["版の履歴", "ばんの れきし", "Versions"],
  "c.figuresCaption": ["お知らせの数値", "おしらせの かず", "The notice's figures"],
  "c.figuresNone": ["届いた人が10人未満のため、数値は表示しません。", "とどいた ひとが 10にん より すくないので かずは だしません。", "Fewer than 10 residents reached: no figures are shown."],
  "c.count": ["件数・人数", "かず", "Count"],
  "c.fReached": ["届いた人", "とどいた ひと", "Residents reached"],
  "c.fDeliveries": ["配信", "とどけた かず", "Deliveries"],
  "c.fPushed": ["通知した端末", "しらせた でんわ", "Devices pushed"],
  "c.fOpened": ["開いた人", "ひらいた ひと", "Opened"],
  "c.fUseful": ["役に立った", "やくに たった", "Useful"],
  "c.fNotInterested": ["関心がない", "きょうみが ない", "Not interested"],
  "c.scheduled": ["予約中のお知らせ", "よやくした おしらせ", "Scheduled notices"],
  "c.cancel": ["予約を取り消す", "よやくを けす", "Cancel"],
  "c.pending": ["承認待ち・差し戻し（事業者）", "しょうにん まち・もどされた もの", "Waiting for approval or rejected (firms)"],
  "c.state": ["状態", "ようす", "State"],
  "c.reason": ["理由", "りゆう", "Reason"],
  "c.approve": ["承認して公開", "しょうにん して だす", "Approve and publish"],
  "c.reject": ["差し戻す", "もどす", "Reject"],
  "c.rejectReason": ["差し戻す理由", "もどす りゆう", "Reason for rejecting"],
  "c.submitted": ["{publisher}、{at} 提出", "{publisher}、{at}", "{publisher}, submitted {at}"],
  "c.approvedOk": ["承認しました。", "しょうにん しました。", "Approved."],
  "c.rejectedOk": ["差し戻しました。", "もどしました。", "Rejected."],
  "c.queueEmpty": ["承認待ちのお知らせはありません。", "まって いる おしらせは ありません。", "Nothing is waiting for approval."],
  "c.none": ["ありません。", "ありません。", "None."],
  "sev.INFO": ["お知らせ", "おしらせ", "Information"],
  "sev.IMPORTANT": ["重要", "だいじ", "Important"],
  "sev.EMERGENCY": ["緊急", "きんきゅう", "Emergency"],
});

const CATEGORIES = ["CHILDCARE", "EDUCATION", "HEALTH", "WELFARE", "GARBAGE", "TAX", "ADMINISTRATION", "EVENTS", "CULTURE", "SPORTS", "TRANSPORT", "DISASTER", "SHOPPING"];
const SEVERITIES = ["INFO", "IMPORTANT", "EMERGENCY"];
const HAZARDS = ["FLOOD", "LANDSLIDE", "STORM_SURGE", "EARTHQUAKE", "TSUNAMI", "LARGE_FIRE", "INLAND_FLOOD", "VOLCANO"];
const $ = (id) => document.getElementById(id);

// ---- times: the form shows Japan time, the API takes instants ----
function toInstant(local) {
  return local ? new Date(local + ":00+09:00").toISOString() : null;
}
function toLocal(iso) {
  if (!iso) return "";
  const d = new Date(new Date(iso).getTime() + 9 * 3600 * 1000);
  return d.toISOString().slice(0, 16);
}

// ---- the towns and districts of the demo city ----
let towns = [];
async function loadTowns() {
  const res = await fetch("../city/aizuwakamatsu_towns.csv");
  const lines = (await res.text()).trim().split(/\r?\n/).slice(1);
  // row_id,town,chome,oaza_base,former_village_prefix,postal_code,postal_town,postal_kana,lat,lon
  towns = lines.map((l) => {
    const f = l.split(",");
    return { name: f[1], district: f[4] || f[3], lat: Number(f[8]), lon: Number(f[9]) };
  });
  const districts = [...new Set(towns.map((t) => t.district))].sort((a, b) => a.localeCompare(b, "ja"));
  const box = $("f-districts");
  districts.forEach((d, i) => {
    const id = "district-" + i;
    box.append(K.el("label", { class: "inline", for: id }, K.el("input", { type: "checkbox", id, value: d, class: "district" }), d));
  });
}

// ---- the audience: form ⇄ text ----
function audienceFromForm() {
  const parts = [];
  const districts = [...document.querySelectorAll("input.district:checked")].map((c) => c.value);
  if (districts.length) parts.push({ type: "district", districts });
  const range = (type, a, b) => {
    const min = $(a).value, max = $(b).value;
    if (min !== "" || max !== "") parts.push({ type, min: min === "" ? 0 : Number(min), max: max === "" ? 130 : Number(max) });
  };
  range("age", "f-age-min", "f-age-max");
  range("childAge", "f-child-min", "f-child-max");
  if ($("f-language").value) parts.push({ type: "language", language: $("f-language").value });
  if ($("f-interest").value.trim()) parts.push({ type: "interest", interest: $("f-interest").value.trim() });
  if (!parts.length) return { type: "everyone" };
  return parts.length === 1 ? parts[0] : { type: "allOf", all: parts };
}

/** Puts an audience into the form; false when the form cannot show it (the text then rules). */
function audienceToForm(a) {
  const parts = a.type === "everyone" ? [] : a.type === "allOf" ? a.all : [a];
  const seen = new Set();
  for (const p of parts) {
    if (!["district", "age", "childAge", "language", "interest"].includes(p.type) || seen.has(p.type)) return false;
    seen.add(p.type);
  }
  const by = Object.fromEntries(parts.map((p) => [p.type, p]));
  const chosen = new Set(by.district ? by.district.districts : []);
  const known = new Set([...document.querySelectorAll("input.district")].map((c) => c.value));
  if ([...chosen].some((d) => !known.has(d))) return false;
  document.querySelectorAll("input.district").forEach((c) => (c.checked = chosen.has(c.value)));
  $("f-age-min").value = by.age ? by.age.min : "";
  $("f-age-max").value = by.age ? by.age.max : "";
  $("f-child-min").value = by.childAge ? by.childAge.min : "";
  $("f-child-max").value = by.childAge ? by.childAge.max : "";
  const lang = by.language ? by.language.language : "";
  if (lang && ![...$("f-language").options].some((o) => o.value === lang)) return false;
  $("f-language").value = lang;
  $("f-interest").value = by.interest ? by.interest.interest : "";
  return true;
}

let audience = { type: "everyone" };

function formChanged() {
  audience = audienceFromForm();
  $("audience-text").value = AudienceText.format(audience);
  K.clearProblem($("audience-error"));
  $("audience-note").textContent = "";
  schedulePreview();
}

function textChanged() {
  try {
    audience = AudienceText.parse($("audience-text").value);
  } catch (e) {
    if (!(e instanceof AudienceText.AudienceError)) throw e;
    K.showProblem($("audience-error"), new K.Problem({ title: K.t("c.audienceText"), detail: e.message }));
    return;
  }
  K.clearProblem($("audience-error"));
  const fits = audienceToForm(audience);
  $("audience-form").disabled = !fits;
  $("audience-note").textContent = fits ? "" : K.t("c.audienceBeyondForm");
  schedulePreview();
}

// ---- the notice being written ----
function noticeFromForm(forPreview) {
  const title = {};
  if ($("f-title-ja").value.trim()) title.ja = $("f-title-ja").value.trim();
  if ($("f-title-easy").value.trim()) title["ja-x-easy"] = $("f-title-easy").value.trim();
  if ($("f-title-en").value.trim()) title.en = $("f-title-en").value.trim();
  const body = {};
  if ($("f-body-ja").value.trim()) body.ja = $("f-body-ja").value.trim();
  if ($("f-body-en").value.trim()) body.en = $("f-body-en").value.trim();
  let from = toInstant($("f-from").value);
  let until = toInstant($("f-until").value);
  // The reach does not depend on the words, nor on the validity beyond its being current: a
  // preview of a notice still being written fills what is missing so the count shows early.
  if (forPreview) {
    if (!title.ja) title.ja = "（作成中）";
    if (!from) from = new Date().toISOString();
    if (!until || until <= from) until = new Date(Date.parse(from) + 7 * 86400000).toISOString();
  }
  const notice = {
    municipalityCode: (K.claims() || {}).municipality_code,
    category: $("f-category").value,
    severity: $("f-severity").value,
    title,
    body,
    validity: { from, until },
    audience,
  };
  if ($("f-hazard").value) notice.hazard = $("f-hazard").value;
  return notice;
}

function noticeToForm(n) {
  $("f-category").value = n.category;
  $("f-severity").value = n.severity;
  $("f-hazard").value = n.hazard || "";
  // Titles carry the marks of an update or a correction, which the API puts back itself.
  const bare = (s) => (s || "").replace(/^(【変更】|【訂正】|【かわりました】|【なおしました】|\[Changed\] |\[Correction\] )+/, "");
  $("f-title-ja").value = bare((n.title || {}).ja);
  $("f-title-easy").value = bare((n.title || {})["ja-x-easy"]);
  $("f-title-en").value = bare((n.title || {}).en);
  $("f-body-ja").value = (n.body || {}).ja || "";
  $("f-body-en").value = (n.body || {}).en || "";
  $("f-from").value = toLocal(n.validity && n.validity.from);
  $("f-until").value = toLocal(n.validity && n.validity.until);
  audience = n.audience || { type: "everyone" };
  $("audience-text").value = AudienceText.format(audience);
  textChanged();
}

// ---- the reach preview, debounced ----
let previewTimer = null;
let previewSeq = 0;
function schedulePreview() {
  clearTimeout(previewTimer);
  previewTimer = setTimeout(runPreview, 350);
}

async function runPreview() {
  const seq = ++previewSeq;
  const box = $("preview-problem");
  try {
    const res = await K.call("POST", "/api/v1/notices/preview", noticeFromForm(true));
    if (seq !== previewSeq) return; // a later change is on its way
    K.clearProblem(box);
    showPreview(res.body);
  } catch (e) {
    if (seq !== previewSeq) return;
    K.showProblem(box, e);
    $("preview-total").textContent = "–";
    $("preview").dataset.residents = "";
  }
}

let lastPreview = null;
function showPreview(p) {
  lastPreview = p;
  $("preview-total").textContent = p.withheld ? K.t("k.withheld") : K.t("c.previewTotal", { n: K.count(p.residents) });
  $("preview").dataset.residents = p.withheld ? "withheld" : String(p.residents);
  $("preview").dataset.audience = JSON.stringify(audience);
  $("preview-meta").textContent = K.t("c.previewMeta", { rules: p.ruleSet, at: K.fmtTime(p.at) });
  const fill = (tableId, groups, label) => {
    const tb = $(tableId).querySelector("tbody");
    tb.replaceChildren();
    groups.forEach((g) => tb.append(K.el("tr", {}, K.el("th", { scope: "row" }, label(g.name)), K.el("td", { class: "num" }, g.withheld ? K.t("k.withheld") : K.count(g.residents)))));
  };
  fill("preview-channels", p.byChannel || [], (n) => K.t("ch." + n));
  fill("preview-districts", p.byDistrict || [], (n) => n);
  $("preview-approx").replaceChildren(...(p.approximations || []).map((a) => K.el("li", {}, a)));
  drawMap(p.byDistrict || []);
}

/** The city's towns as dots, each coloured by whether its district is reached. */
function drawMap(byDistrict) {
  const box = $("preview-map");
  box.replaceChildren();
  if (!towns.length) return;
  const reached = new Map(byDistrict.map((g) => [g.name, g]));
  const lats = towns.map((t) => t.lat), lons = towns.map((t) => t.lon);
  const minLat = Math.min(...lats), maxLat = Math.max(...lats), minLon = Math.min(...lons), maxLon = Math.max(...lons);
  const kx = Math.cos(((minLat + maxLat) / 2) * Math.PI / 180);
  const W = 480, pad = 12;
  const sx = (W - 2 * pad) / ((maxLon - minLon) * kx);
  const H = Math.round((maxLat - minLat) * sx + 2 * pad) + 40;
  const x = (lon) => pad + (lon - minLon) * kx * sx;
  const y = (lat) => pad + (maxLat - lat) * sx;
  const map = K.svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "map-svg", role: "img", "aria-label": K.t("c.mapLabel", { n: reached.size }) });
  const fills = { shown: "#1f5fa8", held: "#a64200", none: "#ffffff" };
  for (const t of towns) {
    const g = reached.get(t.district);
    const kind = !g ? "none" : g.withheld ? "held" : "shown";
    const c = K.svg("circle", { cx: x(t.lon).toFixed(1), cy: y(t.lat).toFixed(1), r: kind === "none" ? 3 : 4.5, fill: fills[kind], stroke: kind === "none" ? "#767676" : "#1a1a1a", "stroke-width": 1, "data-district": t.district, "data-reach": kind });
    c.append(K.svg("title", {}, document.createTextNode(`${t.name}（${t.district}）: ${kind === "none" ? K.t("c.mapNot") : kind === "held" ? K.t("c.mapWithheld") : K.count(g.residents)}`)));
    map.append(c);
  }
  const keys = [["shown", "c.mapReached"], ["held", "c.mapWithheld"], ["none", "c.mapNot"]];
  keys.forEach(([k, label], i) => {
    const lx = pad + i * 155;
    map.append(K.svg("circle", { cx: lx + 5, cy: H - 14, r: 5, fill: fills[k], stroke: "#1a1a1a" }));
    map.append(K.svg("text", { x: lx + 14, y: H - 9, class: "chart-label" }, document.createTextNode(K.t(label))));
  });
  box.append(map);
}

// ---- sending ----
let editing = null; // {mode: "update"|"correct", id, version, title}

function setMode(mode, n) {
  editing = mode ? { mode, id: n.id, version: n.version, title: (n.title || {}).ja || n.id } : null;
  $("send-new").hidden = !!mode;
  $("send-update").hidden = mode !== "update";
  $("send-correct").hidden = mode !== "correct";
  $("compose-heading").textContent = mode ? K.t(mode === "update" ? "c.editing" : "c.correcting", { title: editing.title, version: editing.version }) : K.t("c.composeNew");
}

async function send(action) {
  const problem = $("compose-problem"), status = $("compose-status");
  K.clearProblem(problem);
  status.hidden = true;
  try {
    if (action === "now") {
      const res = await K.call("POST", "/api/v1/notices", noticeFromForm(false));
      K.say(status, K.t(res.status === 202 ? "c.waitingOk" : "c.publishedOk", { id: (res.body.notice || res.body).id }));
      status.dataset.id = (res.body.notice || res.body).id;
    } else if (action === "schedule") {
      const at = toInstant($("f-publish-at").value);
      if (!at) throw new K.Problem({ title: K.t("c.needPublishAt"), status: "" });
      const res = await K.call("POST", "/api/v1/notices/scheduled", { publishAt: at, notice: noticeFromForm(false) });
      K.say(status, K.t("c.scheduledOk", { id: res.body.notice.id, at: K.fmtTime(res.body.publishAt) }));
      status.dataset.id = res.body.notice.id;
    } else {
      const body = noticeFromForm(false);
      const headers = { "If-Match": '"' + editing.version + '"' };
      let res;
      if (action === "update") {
        body.significantChange = $("f-significant").checked;
        res = await K.call("PUT", "/api/v1/notices/" + editing.id, body, headers);
      } else {
        body.whatChanged = {};
        if ($("f-what-ja").value.trim()) body.whatChanged.ja = $("f-what-ja").value.trim();
        if ($("f-what-en").value.trim()) body.whatChanged.en = $("f-what-en").value.trim();
        res = await K.call("POST", "/api/v1/notices/" + editing.id + "/correct", body, headers);
      }
      K.say(status, K.t("c.updatedOk", { version: res.body.version }));
      status.dataset.id = editing.id;
      setMode(null);
    }
  } catch (e) {
    K.showProblem(problem, e);
  }
}

// ---- one's own notices ----
async function loadMine() {
  const problem = $("mine-problem");
  K.clearProblem(problem);
  try {
    const page = (await K.call("GET", "/api/v1/notices?size=100")).body;
    const tb = $("mine-table").querySelector("tbody");
    tb.replaceChildren();
    page.items.forEach((n) => {
      const open = K.el("button", { type: "button", "data-id": n.id, onclick: () => openNotice(n.id) }, K.t("c.open"));
      tb.append(K.el("tr", { "data-id": n.id }, K.el("td", {}, (n.title || {}).ja || ""), K.el("td", {}, K.t("cat." + n.category)), K.el("td", {}, n.status), K.el("td", { class: "num" }, String(n.version)), K.el("td", {}, K.fmtTime(n.publishedAt)), K.el("td", {}, open)));
    });
    const scheduled = (await K.call("GET", "/api/v1/notices/scheduled")).body;
    const sb = $("scheduled-table").querySelector("tbody");
    sb.replaceChildren();
    scheduled.forEach((s) => {
      const cancel = K.el("button", { type: "button", onclick: () => cancelScheduled(s.notice.id) }, K.t("c.cancel"));
      sb.append(K.el("tr", { "data-id": s.notice.id }, K.el("td", {}, K.fmtTime(s.publishAt)), K.el("td", {}, (s.notice.title || {}).ja || ""), K.el("td", {}, cancel)));
    });
    const pending = (await K.call("GET", "/api/v1/notices/pending")).body;
    const pb = $("pending-table").querySelector("tbody");
    pb.replaceChildren();
    pending.forEach((a) => pb.append(K.el("tr", { "data-id": a.notice.id }, K.el("td", {}, (a.notice.title || {}).ja || ""), K.el("td", {}, a.state), K.el("td", {}, (a.decision && a.decision.reason) || ""))));
  } catch (e) {
    K.showProblem(problem, e);
  }
}

async function cancelScheduled(id) {
  try {
    await K.call("DELETE", "/api/v1/notices/scheduled/" + id);
    await loadMine();
  } catch (e) {
    K.showProblem($("mine-problem"), e);
  }
}

let current = null;
async function openNotice(id) {
  const problem = $("mine-problem");
  K.clearProblem(problem);
  $("figures").replaceChildren();
  $("withdraw-confirm").hidden = true;
  try {
    current = (await K.call("GET", "/api/v1/notices/" + id)).body;
    $("detail").hidden = false;
    $("detail").dataset.id = id;
    $("detail-heading").textContent = (current.title || {}).ja || id;
    $("detail-meta").textContent = `${K.t("cat." + current.category)} · ${K.t("sev." + current.severity)} · ${current.status} · ${K.t("c.version")} ${current.version} · ${AudienceText.format(current.audience)}`;
    const withdrawn = current.status === "WITHDRAWN";
    ["detail-edit", "detail-correct", "detail-withdraw"].forEach((b) => ($(b).disabled = withdrawn));
    const tb = $("detail-versions").querySelector("tbody");
    tb.replaceChildren(...(current.versions || []).map((v) => K.el("tr", {}, K.el("td", { class: "num" }, String(v.version)), K.el("td", {}, v.status), K.el("td", {}, K.fmtTime(v.publishedAt)), K.el("td", {}, (v.title || {}).ja || ""))));
    $("detail-heading").focus();
  } catch (e) {
    K.showProblem(problem, e);
  }
}

async function showFigures() {
  const box = $("figures");
  try {
    const f = (await K.call("GET", "/api/v1/notices/" + current.id + "/figures")).body;
    box.replaceChildren();
    if (f.residents === null || f.residents === undefined) {
      box.append(K.el("p", { class: "status" }, K.t("c.figuresNone")));
      return;
    }
    const rows = [{ label: K.t("c.fReached"), values: [f.residents] }, { label: K.t("c.fDeliveries"), values: [f.deliveries] }];
    Object.entries(f.byChannel || {}).forEach(([ch, n]) => rows.push({ label: K.t("ch." + ch), values: [n] }));
    rows.push({ label: K.t("c.fPushed"), values: [f.pushed] });
    Object.entries(f.pushes || {}).forEach(([o, n]) => rows.push({ label: o, values: [n] }));
    rows.push({ label: K.t("c.fOpened"), values: [f.opened] }, { label: K.t("c.fUseful"), values: [f.useful] }, { label: K.t("c.fNotInterested"), values: [f.notInterested] });
    const holder = K.el("div", { id: "figures-chart" });
    box.append(holder);
    K.barChart(holder, { caption: K.t("c.figuresCaption") + ": " + ((current.title || {}).ja || ""), series: [K.t("c.count")], rows });
  } catch (e) {
    box.replaceChildren();
    const p = K.el("div", { class: "problem", role: "alert" });
    box.append(p);
    K.showProblem(p, e);
  }
}

async function withdraw() {
  try {
    await K.call("POST", "/api/v1/notices/" + current.id + "/withdraw", undefined, { "If-Match": '"' + current.version + '"' });
    K.say($("mine-status"), K.t("c.withdrawnOk"));
    await loadMine();
    await openNotice(current.id);
  } catch (e) {
    K.showProblem($("mine-problem"), e);
  }
}

// ---- the approval queue ----
async function loadApprovals() {
  const problem = $("approvals-problem");
  K.clearProblem(problem);
  const list = $("approvals-list");
  try {
    const waiting = (await K.call("GET", "/api/v1/approvals")).body;
    list.replaceChildren();
    if (!waiting.length) list.append(K.el("li", {}, K.t("c.queueEmpty")));
    waiting.forEach((a, i) => {
      const n = a.notice;
      const reasonId = "reject-reason-" + i;
      const item = K.el("li", { class: "box", "data-id": n.id },
        K.el("h3", {}, (n.title || {}).ja || n.id),
        K.el("p", { class: "hint" }, `${K.t("cat." + n.category)} · ${K.t("sev." + n.severity)} · ${K.t("c.submitted", { publisher: (n.publisher || {}).name || "", at: K.fmtTime(a.submittedAt) })}`),
        K.el("p", {}, (n.body || {}).ja || ""),
        K.el("p", { class: "mono" }, AudienceText.format(n.audience)),
        K.el("button", { type: "button", class: "primary approve", onclick: () => decide(n.id, "approve") }, K.t("c.approve")),
        K.el("label", { for: reasonId }, K.t("c.rejectReason")),
        K.el("input", { type: "text", id: reasonId, class: "wide" }),
        K.el("button", { type: "button", class: "reject", onclick: () => decide(n.id, "reject", $(reasonId).value) }, K.t("c.reject")));
      list.append(item);
    });
  } catch (e) {
    K.showProblem(problem, e);
  }
}

async function decide(id, how, reason) {
  try {
    await K.call("POST", `/api/v1/approvals/${id}/${how}`, how === "reject" ? { reason } : undefined);
    K.say($("approvals-status"), K.t(how === "approve" ? "c.approvedOk" : "c.rejectedOk"));
    await loadApprovals();
  } catch (e) {
    K.showProblem($("approvals-problem"), e);
  }
}

// ---- views ----
function show(view) {
  for (const v of ["compose", "mine", "approvals"]) $("view-" + v).hidden = v !== view;
  document.querySelectorAll("nav.tabs button").forEach((b) => b.toggleAttribute("aria-current", false));
  const b = document.querySelector(`nav.tabs button[data-view="${view}"]`);
  b.setAttribute("aria-current", "page");
  if (view === "mine") loadMine();
  if (view === "approvals") loadApprovals();
}

function fillSelects() {
  const opts = (id, values, prefix, empty) => {
    const s = $(id);
    const keep = s.value;
    s.replaceChildren();
    if (empty) s.append(K.el("option", { value: "" }, K.t(empty)));
    values.forEach((v) => s.append(K.el("option", { value: v }, K.t(prefix + v))));
    if (keep) s.value = keep;
  };
  opts("f-category", CATEGORIES, "cat.");
  opts("f-severity", SEVERITIES, "sev.");
  const h = $("f-hazard"), keep = h.value;
  h.replaceChildren(K.el("option", { value: "" }, K.t("c.noHazard")), ...HAZARDS.map((v) => K.el("option", { value: v }, v)));
  h.value = keep;
}

document.addEventListener("DOMContentLoaded", () => {
  fillSelects();
  $("detail-heading").tabIndex = -1;
  staffPage(["DEPARTMENT", "FIRM"], async () => {
    $("tab-approvals").hidden = !K.roles().includes("DEPARTMENT");
    await loadTowns();
    $("f-severity").value = "IMPORTANT";
    $("audience-text").value = AudienceText.format(audience);
    show("compose");
    schedulePreview();
  });
  K.onLang(() => {
    fillSelects();
    if (editing) setMode(editing.mode, { id: editing.id, version: editing.version, title: { ja: editing.title } });
    if (lastPreview) showPreview(lastPreview);
  });
  document.querySelectorAll("nav.tabs button").forEach((b) => b.addEventListener("click", () => show(b.dataset.view)));
  $("audience-form").addEventListener("input", formChanged);
  $("audience-form").addEventListener("change", formChanged);
  $("f-district-filter").addEventListener("input", (e) => {
    e.stopPropagation();
    const q = e.target.value.trim();
    document.querySelectorAll("input.district").forEach((c) => (c.parentElement.hidden = q !== "" && !c.value.includes(q)));
  });
  $("audience-text").addEventListener("input", textChanged);
  for (const id of ["f-category", "f-severity"]) $(id).addEventListener("change", schedulePreview);
  $("publish-now").addEventListener("click", () => send("now"));
  $("schedule").addEventListener("click", () => send("schedule"));
  $("save-update").addEventListener("click", () => send("update"));
  $("save-correct").addEventListener("click", () => send("correct"));
  document.querySelectorAll(".cancel-edit").forEach((b) => b.addEventListener("click", () => setMode(null)));
  $("mine-refresh").addEventListener("click", loadMine);
  $("approvals-refresh").addEventListener("click", loadApprovals);
  $("detail-edit").addEventListener("click", () => { noticeToForm(current); setMode("update", current); show("compose"); });
  $("detail-correct").addEventListener("click", () => { noticeToForm(current); setMode("correct", current); show("compose"); });
  $("detail-figures").addEventListener("click", showFigures);
  $("detail-withdraw").addEventListener("click", () => { $("withdraw-confirm").hidden = false; $("withdraw-yes").focus(); });
  $("withdraw-no").addEventListener("click", () => ($("withdraw-confirm").hidden = true));
  $("withdraw-yes").addEventListener("click", withdraw);
});
