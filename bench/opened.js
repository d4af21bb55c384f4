// The probe of opening an article by paste. The benchmark adds it to every new document of the tab,
// before the page's own scripts. It keeps every long task of the page's main thread (a
// PerformanceObserver for "longtask", buffered) and defines:
//   __longest(from, to)  the duration in milliseconds of the longest task that ran between the two
//                        times (performance.now()), 0 when none of 50 ms or more did;
//   __open(text, marker, entity)
//                        puts text into #open-text of the open library dialog, clicks #open-submit
//                        and records in window.__opened, in milliseconds from the click, the first
//                        animation frame, once painted (requestAnimationFrame, then a task), in which
//                          text  #article's last paragraph holds marker and its first paragraph is
//                                on top at its first line (not covered, by the dialog say);
//                          cast  #cast lists entity, which only the opened article's cast has;
//                        done is true once both are in, or on an error;
//   __readOpen()         what __open recorded, with the longest task from the click to the cast.
// The frames are asked for before the click, so that the probe's task after a frame is queued ahead
// of any the page queues in the same frame, as in clicks.js.
(() => {
  if (window.top !== window) return;
  const tasks = [];
  let observer = null;
  try {
    observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) tasks.push([e.startTime, e.duration]);
    });
    observer.observe({ type: "longtask", buffered: true });
  } catch (e) {
    window.__longtaskError = String(e);
  }
  window.__longest = (from, to) => {
    if (observer) for (const e of observer.takeRecords()) tasks.push([e.startTime, e.duration]);
    let longest = 0;
    for (const [start, d] of tasks) if (start < to && start + d > from) longest = Math.max(longest, d);
    return longest;
  };

  const onTop = (a, p) => {
    const r = p.getBoundingClientRect();
    if (r.width <= 0 || r.height <= 0 || r.top >= innerHeight || r.bottom <= 0 || r.left >= innerWidth) return false;
    const hit = document.elementFromPoint(Math.max(r.left, 0) + Math.min(8, r.width / 2), Math.max(r.top, 0) + Math.min(8, r.height / 2));
    return !!hit && a.contains(hit);
  };
  const maxFrames = 60 * 60; // an open that shows nothing in a minute is not measured

  window.__open = (text, marker, entity) => {
    const O = (window.__opened = { t0: null, text: null, cast: null, address: "", error: null, done: false });
    const field = document.getElementById("open-text");
    const submit = document.getElementById("open-submit");
    if (!field || !submit) {
      O.error = "no #open-text or #open-submit";
      O.done = true;
      return false;
    }
    field.value = text;
    const entry = '#cast button[data-entity="' + CSS.escape(entity) + '"]';
    const textShown = () => {
      const a = document.getElementById("article");
      const ps = a ? a.getElementsByTagName("p") : [];
      return ps.length > 0 && ps[ps.length - 1].textContent.includes(marker) && onTop(a, ps[0]);
    };
    const castShown = () => !!document.querySelector(entry);
    const painted = (key) =>
      setTimeout(() => {
        O[key] = performance.now() - O.t0;
        if (O.text !== null && O.cast !== null) {
          O.address = location.search;
          O.done = true;
        }
      }, 0);
    const seen = { text: false, cast: false };
    let frames = 0;
    const frame = () => {
      for (const [key, shown] of [["text", textShown], ["cast", castShown]]) {
        if (!seen[key] && shown()) {
          seen[key] = true;
          painted(key);
        }
      }
      if (seen.text && seen.cast) return;
      if (++frames > maxFrames) {
        O.error = "the opened article was not shown within a minute (text " + seen.text + ", cast " + seen.cast + "; status: " +
          (document.getElementById("open-status") || {}).textContent + ")";
        O.done = true;
        return;
      }
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    O.t0 = performance.now();
    submit.click();
    return true;
  };

  window.__readOpen = () => {
    const O = window.__opened;
    const end = O.cast === null ? performance.now() : O.t0 + O.cast;
    return { text: O.text, cast: O.cast, longest: window.__longest(O.t0, end), address: O.address, error: O.error };
  };
})();
