// The resident app's service worker: the app's files for offline use, and an offline view of the
// last feed. The first page of the feed and the profile, as last loaded, are kept (nothing else of
// the API); offline, they are answered from there with Kairan-Offline: 1, which the app shows.
// Signing out and erasing one's data delete that copy. No web push.
"use strict";

const SHELL = "kairan-app-v1";
const LAST = "kairan-last-feed";
const FILES = [
  "/app/index.html", "/app/app.css", "/app/app.js", "/app/texts.js",
  "/app/manifest.webmanifest", "/app/icon.svg", "/city/aizuwakamatsu_towns.csv",
];

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(SHELL).then((c) => c.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("kairan-app-") && k !== SHELL).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()));
});

/** The first page of the feed and the profile: what the offline view needs. */
function kept(url) {
  if (url.pathname === "/api/v1/me/profile") return "/api/v1/me/profile";
  if (url.pathname === "/api/v1/me/feed" && !url.searchParams.has("cursor")) return "/api/v1/me/feed";
  return null;
}

async function offline(cacheName, key) {
  const hit = await caches.match(key, { cacheName, ignoreSearch: true });
  if (!hit) return Response.error();
  const headers = new Headers(hit.headers);
  headers.set("Kairan-Offline", "1");
  return new Response(await hit.blob(), { status: hit.status, statusText: hit.statusText, headers });
}

self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET") return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  const key = kept(url);
  if (key) {
    event.respondWith(fetch(req).then(async (res) => {
      if (res.ok) {
        const cache = await caches.open(LAST);
        await cache.put(key, res.clone());
      }
      return res;
    }, () => offline(LAST, key)));
    return;
  }
  if (url.pathname.startsWith("/app/") || url.pathname.startsWith("/city/")) {
    // The network first, so a new version shows at once; the copy when offline.
    event.respondWith(fetch(req).catch(() => offline(SHELL, url.pathname)));
  }
});
