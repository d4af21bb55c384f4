// The floor page's script: a click on a cast button toggles it and rewrites the highlight rules.
document.getElementById("cast").addEventListener("click", (e) => {
  const b = e.target.closest("button[data-entity]");
  if (!b) return;
  b.setAttribute("aria-pressed", String(b.getAttribute("aria-pressed") !== "true"));
  const on = [...document.querySelectorAll('#cast button[aria-pressed="true"]')];
  document.getElementById("highlights").textContent = on
    .map((x, i) => '#article mark[data-entity="' + CSS.escape(x.dataset.entity) + '"]{background:hsl(' + i * 47 + ' 80% 80%)}')
    .join("\n");
});
