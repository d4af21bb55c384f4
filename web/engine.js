// Dramatis's engine worker. The page starts it (new Worker) the first time a reader opens the library
// or an article of their own; a reader of the bundled article never does. It keeps the library of
// opened articles in IndexedDB and, when an article is opened or edited, loads engine.wasm (the Go
// program app/engine/worker: goldmark, detection, annotation and the pictures) to do the work off
// the page's thread. The service worker keeps engine.wasm once fetched, for use offline.
//
// The page posts {req, op, ...}; the worker answers {req, json}, json being the answer as JSON: its
// fields, or {error}; an article's answer has its view's large strings beside json, as html, map and
// network. Requests are answered one at a time in the order they came. Ops: warm (load the engine and
// its model ahead of an open) → {}; list → {items};
// open {file | text, name}, get {id}, edit {id, edit}, undo {id}, redo {id} → {id, view, entity};
// delete {id} → {items}; export {id} → {entities, article}. A view is stored as the JSON the engine
// wrote, and goes into the answer as it is.
'use strict';

importScripts('../wasm_exec.js');

const maxSize = 10 << 20; // engine.MaxSize

let engine = null; // the promise of globalThis.dramatisEngine, once asked for
function loadEngine() {
  if (!engine) {
    engine = (async () => {
      const go = new Go();
      let result;
      try {
        result = await WebAssembly.instantiateStreaming(fetch('engine.wasm'), go.importObject);
      } catch (e) { // a host that serves .wasm with another type
        const resp = await fetch('engine.wasm');
        if (!resp.ok) throw new Error('engine.wasm: ' + resp.status + ' ' + resp.statusText);
        result = await WebAssembly.instantiate(await resp.arrayBuffer(), go.importObject);
      }
      go.run(result.instance); // runs main, which sets dramatisEngine and waits
      keepForOffline();
      return self.dramatisEngine;
    })().catch((e) => {
      engine = null;
      throw new Error('The engine could not be loaded (' + e.message + '). Open the page online once, then it works offline.');
    });
  }
  return engine;
}

// keepForOffline puts engine.wasm into the service worker's cache of the app's version (named
// dramatis-VERSION), which precaches the rest of the app, so that articles open and curate offline
// from the first use on. The page loads this worker before the service worker controls it, on a
// first visit, so the worker keeps the file itself.
async function keepForOffline() {
  try {
    const url = new URL('engine.wasm', self.location.href).href;
    for (const key of (await caches.keys()).filter((k) => k.startsWith('dramatis-'))) {
      const cache = await caches.open(key);
      if (!(await cache.match(url))) await cache.add(url);
    }
  } catch (e) { /* no cache: the engine loads from the network next time */ }
}

// call runs the engine's function name, and throws the error it answers.
async function call(name, ...args) {
  const out = (await loadEngine())[name](...args);
  if (out.error) throw new Error(out.error);
  return out;
}

let db = null;
function openDB() {
  if (!db) {
    db = new Promise((resolve, reject) => {
      const r = indexedDB.open('dramatis', 1);
      r.onupgradeneeded = () => {
        r.result.createObjectStore('articles', { keyPath: 'id' }); // {id, article, view, html, map, network}
        r.result.createObjectStore('library', { keyPath: 'id' }); // {id, title, file, opened}
      };
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => { db = null; reject(storageError(r.error)); };
    });
  }
  return db;
}

// tx runs f on the stores of one transaction and resolves with what f returns once the transaction
// has committed: every write of f lands, or none does.
async function tx(mode, f) {
  const t = (await openDB()).transaction(['articles', 'library'], mode);
  const done = new Promise((resolve, reject) => {
    t.oncomplete = resolve;
    t.onabort = t.onerror = () => reject(storageError(t.error));
  });
  done.catch(() => {});
  let value;
  try {
    value = await f({ articles: t.objectStore('articles'), library: t.objectStore('library') });
  } catch (e) {
    try { t.abort(); } catch (_) { /* done already */ }
    throw storageError(e);
  }
  await done;
  return value;
}

function req(r) {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

function storageError(e) {
  if (e && e.storage) return e; // said already
  if (e && e.name === 'QuotaExceededError') {
    return Object.assign(new Error("The browser's storage for this site is full, so the article was not kept. Delete an article from the library to make room."), { storage: true });
  }
  return Object.assign(new Error('The library could not be read or written (' + (e ? e.message || e.name : 'unknown error') + ').'), { storage: true });
}

async function getRecord(id) {
  const rec = await tx('readonly', (s) => req(s.articles.get(id)));
  if (!rec) {
    throw new Error('This article is not in the library of this browser. It was opened in another browser, or deleted; open its file here to read it.');
  }
  return rec;
}

// keep stores what the engine answered for an article, and returns the page's answer.
async function keep(out, entry) {
  const rec = { id: out.id, article: out.article, view: out.view, html: out.html, map: out.map, network: out.network };
  await tx('readwrite', (s) => {
    s.articles.put(rec);
    if (entry) s.library.put(entry);
  });
  return viewOf(rec, out.entity);
}

// viewOf is the page's answer of a stored article: its view, and the view's large strings apart.
function viewOf(rec, entity) {
  return { id: rec.id, view: rec.view, entity: entity || '', raw: { html: rec.html, map: rec.map, network: rec.network } };
}

async function list() {
  const items = await tx('readonly', (s) => req(s.library.getAll()));
  items.sort((a, b) => (a.opened < b.opened ? 1 : -1));
  const when = { dateStyle: 'medium', timeStyle: 'short' };
  items.forEach((it) => { it.when = new Date(it.opened).toLocaleString(undefined, when); });
  return { items };
}

async function open(msg) {
  let bytes;
  const name = msg.name || 'pasted.md';
  if (msg.file) {
    if (msg.file.size > maxSize) throw new Error(name + ' is ' + (msg.file.size / 1048576).toFixed(1) + ' MB; Dramatis opens articles of up to 10.0 MB');
    bytes = new Uint8Array(await msg.file.arrayBuffer());
  } else {
    bytes = new TextEncoder().encode(msg.text || '');
  }
  const now = Date.now();
  const out = await call('open', name, bytes, now);
  const old = await tx('readonly', (s) => req(s.articles.get(out.id)));
  if (old) { // the same text again: its curated cast stays, and it moves to the top of the library
    await tx('readwrite', (s) => {
      const get = s.library.get(out.id);
      get.onsuccess = () => { // in the request's own event, while the transaction is active
        const entry = get.result || { id: out.id, title: out.title, file: name };
        s.library.put(Object.assign(entry, { opened: new Date(now).toISOString() }));
      };
    });
    return viewOf(old);
  }
  return keep(out, { id: out.id, title: out.title, file: name, opened: new Date(now).toISOString() });
}

async function get(id) {
  return viewOf(await getRecord(id));
}

async function edit(id, op, e) {
  const rec = await getRecord(id);
  const out = op === 'edit' ? await call('apply', rec.article, e) : await call(op, rec.article);
  return keep(out, null);
}

async function remove(id) {
  await tx('readwrite', (s) => {
    s.articles.delete(id);
    s.library.delete(id);
  });
  return list();
}

async function exportArticle(id) {
  const rec = await getRecord(id);
  const out = await call('export', rec.article);
  return { entities: out.entities, article: out.article, file: JSON.parse(rec.article).file };
}

function handle(msg) {
  switch (msg.op) {
    case 'warm': return call('warm');
    case 'list': return list();
    case 'open': return open(msg);
    case 'get': return get(msg.id);
    case 'edit': case 'undo': case 'redo': return edit(msg.id, msg.op, msg.edit);
    case 'delete': return remove(msg.id);
    case 'export': return exportArticle(msg.id);
  }
  return Promise.reject(new Error('unknown request ' + msg.op));
}

// answerJSON writes an answer as JSON, with its view, JSON already, as it is, and without its raw
// strings, which go beside it.
function answerJSON(answer) {
  const view = answer.view;
  delete answer.view;
  delete answer.raw;
  const json = JSON.stringify(answer);
  return view ? json.slice(0, -1) + (json.length > 2 ? ',' : '') + '"view":' + view + '}' : json;
}

let queue = Promise.resolve();
self.onmessage = (event) => {
  const msg = event.data;
  queue = queue.then(() => handle(msg)).then(
    (answer) => self.postMessage(Object.assign({ req: msg.req }, answer.raw, { json: answerJSON(answer) })),
    (e) => self.postMessage({ req: msg.req, json: JSON.stringify({ error: e.message }) }),
  );
};
