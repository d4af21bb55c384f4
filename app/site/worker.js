// Dramatis service worker. It keeps every file of one version of the app in a cache named after that
// version, so that the app works offline and never mixes files of two versions; a new version is
// fetched whole, bypassing the HTTP cache, before it takes over.
const cacheName = "dramatis-" + "{{.Version}}";
const scope = self.registration.scope; // ends with "/", at the root as under a sub-path

// go-app lists the page as the prefix without its trailing slash ("/dramatis"), which a static host
// answers with a redirect; the worker caches the scope itself ("/dramatis/") instead.
const resourcesToCache = [scope].concat(
  {{.ResourcesToCache}}
    .map((url) => new URL(url, scope).href)
    .filter((url) => url !== scope && url + "/" !== scope)
);

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(cacheName);
      await cache.addAll(resourcesToCache.map((url) => new Request(url, { cache: "reload" })));
      await self.skipWaiting();
    })()
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const keys = await caches.keys();
      await Promise.all(keys.filter((key) => key !== cacheName).map((key) => caches.delete(key)));
      // No clients.claim(): the first visit stays uncontrolled, so go-app does not take the first
      // install for an update; the next navigation, online or not, is the worker's.
    })()
  );
});

self.addEventListener("fetch", (event) => {
  if (event.request.method !== "GET") {
    return;
  }
  event.respondWith(respond(event.request));
});

// respond answers from this version's cache, and from the network for anything it does not hold.
// Every page of the app is the one page at the scope, whatever its query (the selection lives there).
async function respond(request) {
  const cache = await caches.open(cacheName);
  if (request.mode === "navigate") {
    const page = (await cache.match(request, { ignoreSearch: true })) || (await cache.match(scope));
    if (page) {
      return page;
    }
    return fetch(request);
  }
  return (await cache.match(request)) || fetch(request);
}
