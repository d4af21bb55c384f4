// The click probe, evaluated in a page that is ready for clicks. For each click it records, in
// window.__clicks, the milliseconds from the click (a capturing listener on the document) to the
// change of what highlights the mentions ("dom": the text of <style id="highlights"> or the classes of
// the page's root, #dramatis, which turn on rules of its own) and to the first animation frame after
// that change, once that frame is painted ("paint": requestAnimationFrame, then a task).
(() => {
  const C = (window.__clicks = { paint: [], dom: [], pending: null, before: null });
  const highlights = () => {
    const h = document.getElementById("highlights");
    const root = document.getElementById("dramatis");
    return (h ? h.textContent : "") + "\n" + (root ? root.className : "");
  };
  document.addEventListener(
    "click",
    () => {
      C.pending = performance.now();
      C.before = highlights();
    },
    true,
  );
  new MutationObserver(() => {
    if (C.pending === null || highlights() === C.before) return;
    const t0 = C.pending;
    const dom = performance.now() - t0;
    C.pending = null;
    requestAnimationFrame(() =>
      setTimeout(() => {
        C.dom.push(dom);
        C.paint.push(performance.now() - t0);
      }, 0),
    );
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ["class"] });
  return true;
})();
