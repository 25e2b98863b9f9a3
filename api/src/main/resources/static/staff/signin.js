// The header both staff pages share: the language switch, sign-in with a token from the city's
// identity provider (run-local.sh prints one per role), sign-out, and who is signed in.
"use strict";

K.strings({
  "s.heading": ["サインイン", "はいる", "Sign in"],
  "s.token": ["トークン（JWT）", "トークン", "Token (JWT)"],
  "s.signIn": ["サインイン", "はいる", "Sign in"],
  "s.signOut": ["サインアウト", "でる", "Sign out"],
  "s.who": ["{name}（{role}、{municipality}）", "{name}（{role}、{municipality}）", "{name} ({role}, {municipality})"],
  "s.notAToken": ["トークンとして読めません。", "トークンが よめません。", "This is not a token that can be read."],
  "s.demo": ["デモのアカウントでサインイン（ローカル環境）", "ためしの アカウントで はいる", "Sign in with a demo account (local stack)"],
  "s.wrongRole": ["このページは {roles} のトークンで使います。", "この ページは {roles} の トークンで つかいます。", "This page is for a {roles} token."],
});

/** The header and the sign-in section, the same on both pages. */
function buildHeader() {
  const el = K.el;
  const select = el("select", { id: "lang" },
    el("option", { value: "ja", lang: "ja" }, "日本語"),
    el("option", { value: "ja-x-easy", lang: "ja" }, "やさしい にほんご"),
    el("option", { value: "en", lang: "en" }, "English"));
  document.getElementById("top").append(
    el("h1", { "data-i18n": document.body.dataset.titleKey }),
    el("div", {}, el("label", { for: "lang", class: "inline" }, "言語 / Language"), select),
    el("p", { class: "who", id: "who", "aria-live": "polite" }),
    el("button", { type: "button", id: "signout", hidden: true, "data-i18n": "s.signOut" }));
  const signin = document.getElementById("signin");
  const demo = el("a", { href: "/demo/sign-in?role=STAFF&return=" + encodeURIComponent(location.pathname), "data-i18n": "s.demo" });
  signin.append(
    el("h2", { id: "signin-heading", "data-i18n": "s.heading" }),
    el("p", { class: "hint", "data-i18n": signin.dataset.hint }),
    el("label", { for: "token", "data-i18n": "s.token" }),
    el("textarea", { id: "token", rows: "3", autocomplete: "off", spellcheck: "false" }),
    el("button", { type: "button", class: "primary", id: "signin-button", "data-i18n": "s.signIn" }),
    el("div", { id: "signin-problem", class: "problem", role: "alert", hidden: true }),
    el("p", { id: "demo-sign-in", hidden: true }, demo));
}

/** Wires the header; signedIn() runs once a token of one of the roles is in. */
function staffPage(allowedRoles, signedIn) {
  buildHeader();
  const lang = document.getElementById("lang");
  lang.value = K.lang;
  lang.addEventListener("change", () => K.setLang(lang.value));
  const signin = document.getElementById("signin");
  const app = document.getElementById("app");
  const who = document.getElementById("who");
  const out = document.getElementById("signout");
  const problem = document.getElementById("signin-problem");

  function render() {
    const c = K.claims();
    const ok = c && K.roles().some((r) => allowedRoles.includes(r));
    signin.hidden = !!ok;
    app.hidden = !ok;
    out.hidden = !ok;
    who.textContent = ok
      ? K.t("s.who", { name: c.name || c.sub, role: K.roles().join(" "), municipality: c.municipality_code || "–" })
      : "";
    return ok;
  }

  document.getElementById("signin-button").addEventListener("click", () => {
    const field = document.getElementById("token");
    K.signIn(field.value);
    if (!K.claims()) {
      K.signOut();
      K.showProblem(problem, K.t("s.notAToken"));
      return;
    }
    if (!K.roles().some((r) => allowedRoles.includes(r))) {
      K.signOut();
      K.showProblem(problem, K.t("s.wrongRole", { roles: allowedRoles.join(" / ") }));
      return;
    }
    K.clearProblem(problem);
    field.value = "";
    if (render()) signedIn();
  });
  out.addEventListener("click", () => {
    K.signOut();
    location.reload();
  });
  // The local stack's demo sign-in, offered only where it exists (never in production).
  fetch("/demo/sign-in/accounts", { method: "HEAD" })
    .then((r) => (document.getElementById("demo-sign-in").hidden = !r.ok))
    .catch(() => {});
  K.onLang(render);
  K.applyTexts();
  if (render()) signedIn();
}
