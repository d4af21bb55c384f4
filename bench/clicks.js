// The click probe, evaluated in a page that is ready for clicks. For each click it records, in
// window.__clicks, the milliseconds from the click (a capturing listener on the document) to the
// change of what highlights the mentions ("dom": the text of <style id="highlights"> or the classes of
// the page's root, #dramatis, which turn on rules of its own) and to the first animation frame after
// that change, once that frame is painted ("paint": requestAnimationFrame, then a task).
//
// The probe asks for animation frames from the capturing listener on, before the page's own handlers
// run, so that its task after the frame is queued ahead of any the page queues in the same frame: work
// a page leaves until after the paint does not count as holding the paint back.
(() => {
  const C = (window.__clicks = { paint: [], dom: [], pending: null, before: null, changed: null });
  const highlights = () => {
    const h = document.getElementById("highlights");
    const root = document.getElementById("dramatis");
    return (h ? h.textContent : "") + "\n" + (root ? root.className : "");
  };
  const maxFrames = 600; // a click that changes nothing in ten seconds is not measured
  document.addEventListener(
    "click",
    () => {
      const t0 = performance.now();
      C.pending = t0;
      C.before = highlights();
      C.changed = null;
      let frames = 0;
      const frame = () => {
        if (C.pending !== t0) return; // another click took over
        if (C.changed === null) {
          if (++frames < maxFrames) requestAnimationFrame(frame);
          return;
        }
        const dom = C.changed - t0;
        C.pending = null;
        setTimeout(() => {
          C.dom.push(dom);
          C.paint.push(performance.now() - t0);
        }, 0);
      };
      requestAnimationFrame(frame);
    },
    true,
  );
  new MutationObserver(() => {
    if (C.pending === null || C.changed !== null || highlights() === C.before) return;
    C.changed = performance.now();
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ["class"] });
  return true;
})();
