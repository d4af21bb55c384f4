// Dramatis's early input. Until the app is live (#dramatis[data-live="true"]), a reader may already
// click the prerendered cast, legend, mentions, view tabs or pictures, or press a shortcut: this script records each such
// click and key, marks a clicked element as pending (data-pending="true", which the stylesheet
// shows), and replays them all, in order, as soon as the app is live. It is the page's only script
// besides go-app's; it runs before the body is parsed and does nothing once the app is live.
(function () {
  'use strict';
  // A link to an article the reader opened in this browser (?a=…): the page holds the bundled one,
  // which stays hidden until the app has read the other from the library (ui.doneOpening).
  // Should the app not start, the bundled article shows after ten seconds.
  if (/[?&]a=[a-z0-9-]/.test(location.search)) {
    document.documentElement.setAttribute('data-opening', 'true');
    setTimeout(function () { document.documentElement.removeAttribute('data-opening'); }, 10000);
  }
  var queue = [];
  var targets = '#cast button[data-entity], #legend [data-entity] button, #legend [data-entity] .legend-text, #article mark[data-entity], ' +
    '#views [data-view], #map [data-entity], #network [data-entity], #network [data-a]';
  var keys = { j: 1, k: 1, n: 1, p: 1, '/': 1, Escape: 1 };

  function live() {
    return !!document.querySelector('#dramatis[data-live="true"]');
  }

  // where finds an element again after the app has mounted: by its root, entity, class and its
  // place among the elements like it.
  function where(el) {
    var root = el.closest('#cast, #legend, #article, #views, #map, #network');
    var like = el.tagName.toLowerCase() + '[data-entity="' + el.getAttribute('data-entity') + '"]';
    if (el.hasAttribute('data-view')) {
      like = '[data-view="' + el.getAttribute('data-view') + '"]';
    } else if (el.hasAttribute('data-a')) {
      like = '[data-a="' + el.getAttribute('data-a') + '"][data-b="' + el.getAttribute('data-b') + '"]';
    } else if (!el.hasAttribute('data-entity')) {
      like = '[data-entity="' + el.closest('[data-entity]').getAttribute('data-entity') + '"] .' + el.className.split(' ')[0];
    }
    var all = root.querySelectorAll(like);
    return { root: '#' + root.id, like: like, n: Array.prototype.indexOf.call(all, el) };
  }

  document.addEventListener('click', function (e) {
    if (live() || !e.target.closest) return;
    var el = e.target.closest(targets);
    if (!el) return;
    e.preventDefault();
    e.stopPropagation();
    queue.push({ click: where(el) });
    el.setAttribute('data-pending', 'true');
    wait();
  }, true);

  document.addEventListener('keydown', function (e) {
    if (live() || e.ctrlKey || e.metaKey || e.altKey || !keys[e.key]) return;
    if (e.target.closest && e.target.closest('input, textarea, select, [contenteditable]')) return;
    e.preventDefault();
    queue.push({ key: e.key });
    wait();
  }, true);

  function replay() {
    timer = 0;
    var pending = document.querySelectorAll('[data-pending]');
    for (var i = 0; i < pending.length; i++) pending[i].removeAttribute('data-pending');
    var q = queue;
    queue = [];
    q.forEach(function (item) {
      if (item.key) {
        document.body.dispatchEvent(new KeyboardEvent('keydown', { key: item.key, bubbles: true, cancelable: true }));
        return;
      }
      var root = document.querySelector(item.click.root);
      var el = root && root.querySelectorAll(item.click.like)[item.click.n];
      if (el) el.click();
    });
  }

  // Only once something waits does the script look, every 50 ms, for the app to be live: until a
  // reader acts, it costs the page nothing.
  var timer = 0;
  function wait() {
    if (timer) return;
    timer = setInterval(function () {
      if (!live()) return;
      clearInterval(timer);
      // After the task that mounted the app, whose handlers are then in place.
      setTimeout(replay, 0);
    }, 50);
  }
})();
