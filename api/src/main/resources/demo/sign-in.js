// The demo sign-in page (README "Web pages"): the accounts, and a token for the chosen one kept in
// this tab's sessionStorage, where the pages read it.
"use strict";
(function () {
  const params = new URLSearchParams(location.search);
  const wanted = params.get("role");
  // Only a path on this site: an open redirect would hand the token's page to anyone.
  const back = params.get("return");
  const target = back && back.startsWith("/") && !back.startsWith("//") && !back.startsWith("/\\") ? back : null;
  const status = document.getElementById("status");

  function homeOf(role) {
    if (target) return target;
    return role === "RESIDENT" ? "/app/index.html"
      : role === "ANALYST" ? "/workbench/index.html" : "/console/index.html";
  }

  async function choose(account) {
    status.textContent = "";
    try {
      const r = await fetch("/demo/sign-in/token", {
        method: "POST", headers: {"Content-Type": "application/json"},
        body: JSON.stringify({account: account.id})
      });
      if (!r.ok) throw new Error(r.status + " " + (await r.text()));
      const t = await r.json();
      // The token alone for any page, the session for the resident app's header, and the key the
      // staff pages read their token from.
      sessionStorage.setItem("kairan.token", t.token);
      sessionStorage.setItem("kairan.session", JSON.stringify(
        {token: t.token, subject: t.subject, role: t.role, label: account.label}));
      if (t.role !== "RESIDENT") sessionStorage.setItem("kairan.staff.token", t.token);
      location.assign(homeOf(t.role));
    } catch (e) {
      status.textContent = "サインインできませんでした (Could not sign in): " + e.message;
    }
  }

  function add(list, account) {
    const li = document.createElement("li");
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = account.label;
    b.dataset.account = account.id;
    b.dataset.role = account.role;
    b.addEventListener("click", () => choose(account));
    li.appendChild(b);
    list.appendChild(li);
  }

  fetch("/demo/sign-in/accounts").then(r => {
    if (!r.ok) throw new Error(String(r.status));
    return r.json();
  }).then(accounts => {
    const residents = document.getElementById("residents");
    const staff = document.getElementById("staff");
    accounts.filter(a => !wanted || a.role === wanted || (wanted === "STAFF" && a.role !== "RESIDENT"))
      .forEach(a => add(a.role === "RESIDENT" ? residents : staff, a));
    for (const section of [residents, staff]) {
      if (!section.children.length) section.closest("section").hidden = true;
    }
  }).catch(e => { status.textContent = "アカウントを読めませんでした (Could not load the accounts): " + e.message; });
})();
