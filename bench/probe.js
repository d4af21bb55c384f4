// The load probe. The benchmark adds it to every new document of the tab, before the page's own
// scripts, with `const CFG = {...};` before it. It records in window.__bench, in milliseconds from
// the start of navigation:
//   article      the animation frame from which on the first paragraph of #article is on top at its
//                first line (not covered, say, by a loading screen): the frame that paints it for
//                good; null while it is not shown;
//   firstArticle the first frame that showed it, and covered how often it was covered again after;
//   live         when an element with data-live="true" appears (the app has mounted);
//   interactive  with CFG.interact, when the first #cast button, clicked as soon as the app is live,
//                has aria-pressed="true".
(() => {
  if (window.top !== window) return;
  const B = (window.__bench = { article: null, firstArticle: null, covered: 0, live: null, clicked: null, interactive: null, error: null });
  const now = () => performance.now();

  const articleOnTop = () => {
    const a = document.getElementById("article");
    const p = a && a.querySelector("p");
    if (!p) return false;
    const r = p.getBoundingClientRect();
    if (r.width <= 0 || r.height <= 0 || r.top >= innerHeight || r.bottom <= 0 || r.left >= innerWidth) return false;
    const x = Math.max(r.left, 0) + Math.min(8, r.width / 2);
    const y = Math.max(r.top, 0) + Math.min(8, r.height / 2);
    const hit = document.elementFromPoint(x, y);
    return !!hit && a.contains(hit);
  };
  if (CFG.article) {
    let shown = false;
    const frame = () => {
      const on = articleOnTop();
      if (on && !shown) {
        B.article = now();
        if (B.firstArticle === null) B.firstArticle = B.article;
      } else if (!on && shown) {
        B.article = null;
        B.covered++;
      }
      shown = on;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  }

  const interact = () => {
    const btn = document.querySelector("#cast button[data-entity]");
    if (!btn) {
      B.error = "no #cast button[data-entity] once live";
      return;
    }
    const pressed = '#cast button[data-entity="' + CSS.escape(btn.dataset.entity) + '"][aria-pressed="true"]';
    const check = () => {
      if (B.interactive === null && document.querySelector(pressed)) B.interactive = now();
      return B.interactive !== null;
    };
    new MutationObserver((_, mo) => {
      if (check()) mo.disconnect();
    }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["aria-pressed"] });
    B.clicked = now();
    btn.click();
    check();
  };
  const onLive = () => {
    if (B.live !== null || !document.querySelector('[data-live="true"]')) return false;
    B.live = now();
    if (CFG.interact) setTimeout(interact, 0);
    return true;
  };
  new MutationObserver((_, mo) => {
    if (onLive()) mo.disconnect();
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-live"] });
})();
