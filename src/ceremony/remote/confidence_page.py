"""The host's confidence monitor for a tablet's browser: ``/confidence``, one self-contained page.

It shows what the confidence window shows (``render.confidence``), laid out for a
tablet on a lectern or at the foot of the stage: the next title very large, the
names to say, the say line, the host's notes, the clock, the time on the slide
(white, amber, red), the time left in the show, SVART/HVIT/FRYST, and the
operator's message in a band that flashes on arrival (a countdown counts down).
Its data is the ``confidence`` part of each state push over ``/api/events``: no
second request per change. Between pushes the clocks run on the page from the
values pushed and the time since. Sizes are in ``vmin`` (the shorter side), so
the type is as large in portrait as in landscape; texts shrink to fit their box
down to a floor (next title 8 %, notes 4.5 % of the shorter side) and the notes
are cut at a word with '…' rather than scrolled. No stage picture: the stage's
cue and state are given in words (the browser has no renderer). Inline CSS and
JS, no external resources, served with the phone page's CSP. The token comes
from the link (``?token=``), as for the phone page; ``?mirror=1`` flips the page
for a teleprompter glass.
"""

from __future__ import annotations

from ceremony.render.confidence import (
    AMBER,
    BAND,
    BAND_FLASH,
    BLACK,
    CYAN,
    FLASH_EVERY,
    FLASH_FOR,
    GREY,
    RED,
    WHITE,
    YELLOW,
)
from ceremony.show.timers import AMBER_AT

CONFIDENCE_PATH = "/confidence"

_TEMPLATE = """<!doctype html>
<html lang="nb">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, user-scalable=no">
<meta name="theme-color" content="@BLACK@">
<title>ceremony — vertsskjerm</title>
<style>
  :root { color-scheme: dark; --fg:@WHITE@; --dim:@GREY@; --name:@YELLOW@; --amber:@AMBER@; --red:@RED@;
          --cyan:@CYAN@; --band:@BAND@; --flash:@BAND_FLASH@; --pad:3.2vmin; }
  * { box-sizing: border-box; }
  html, body { margin:0; height:100%; background:@BLACK@; color:var(--fg); overflow:hidden; }
  body { font-family: Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
         font-variant-numeric: tabular-nums; -webkit-user-select:none; user-select:none; cursor:none; }
  #app { position:fixed; inset:0; display:grid; grid-template-columns:minmax(0, 62fr) minmax(0, 38fr);
         grid-template-rows:auto minmax(0, 1fr) auto; grid-template-areas:"top top" "left right" "band band"; }
  .caption { font-size:3.1vmin; line-height:1.15; font-weight:700; letter-spacing:.12em; text-transform:uppercase;
             color:var(--dim); white-space:nowrap; overflow:hidden; text-overflow:ellipsis; }
  .fit { overflow-wrap:break-word; text-wrap:balance; line-height:1.12; overflow:hidden; }
  #top { grid-area:top; display:flex; align-items:center; gap:3vmin; padding:var(--pad) var(--pad) 1vmin; }
  #where { flex:1; min-width:0; }
  #rehearsal { display:none; font-size:3.1vmin; font-weight:800; color:var(--amber); letter-spacing:.12em; }
  #clock { font-size:7vmin; font-weight:700; line-height:1.15; white-space:nowrap; }
  #left { grid-area:left; display:flex; flex-direction:column; min-height:0; padding:1.5vmin var(--pad) 2vmin; }
  #next-title { font-size:10vmin; font-weight:800; margin:.6vmin 0 1.2vmin; }
  #next-names { font-size:7.8vmin; font-weight:700; color:var(--name); margin-bottom:1vmin; }
  #say { font-size:5.4vmin; font-weight:500; font-style:italic; color:var(--name); margin-bottom:1vmin; }
  hr { border:0; border-top:.3vmin solid var(--dim); opacity:.5; width:100%; margin:1.4vmin 0 1.6vmin; }
  #left > *, #right > section { flex-shrink:0; }
  #notes { flex:1 1 0; min-height:0; font-size:5.2vmin; margin-top:.8vmin; white-space:pre-line; text-wrap:pretty; }
  #right { grid-area:right; display:flex; flex-direction:column; gap:1vmin; min-height:0; min-width:0;
           padding:1.5vmin var(--pad) 2vmin 0; }
  #right > section { min-width:0; margin-bottom:2.4vmin; }
  #stage-label { font-size:4.6vmin; font-weight:600; }
  #stage-state { display:none; font-size:6.4vmin; font-weight:800; line-height:1.1; color:var(--red); }
  #stage-state.frozen { color:var(--cyan); }
  .timer { white-space:nowrap; overflow:hidden; line-height:1.1; font-weight:800; }
  #cue-timer { font-size:9vmin; }
  #planned { font-size:.56em; font-weight:700; color:var(--dim); }
  #cue-timer.amber, #cue-timer.amber #planned { color:var(--amber); }
  #cue-timer.red, #cue-timer.red #planned { color:var(--red); }
  #show-left { font-size:8vmin; }
  #behind { font-size:4vmin; font-weight:600; white-space:nowrap; }
  #behind.late { color:var(--red); } #behind.early { color:var(--cyan); }
  #band { grid-area:band; display:none; background:var(--band); padding:2.4vmin var(--pad); }
  #band.flash { background:var(--flash); }
  #message { font-size:9.5vmin; font-weight:800; line-height:1.2; text-align:center; }
  #conn { position:fixed; top:0; left:0; right:0; display:none; padding:1.2vmin var(--pad); background:@BAND_FLASH@;
          color:@WHITE@; font-size:4.2vmin; font-weight:800; text-align:center; }
  #conn.lost { display:block; }
  @media (orientation: portrait) {
    #app { grid-template-columns:minmax(0, 1fr); grid-template-rows:auto auto minmax(0, 1fr) auto;
           grid-template-areas:"top" "right" "left" "band"; }
    #right { display:grid; grid-template-columns:minmax(0, 1fr) minmax(0, 1fr); column-gap:3vmin;
             padding:1vmin var(--pad) 0; }
    #right > section { margin-bottom:1.6vmin; }
    #stage-box { grid-column:1 / -1; }
  }
</style>
</head>
<body>
<div id="app">
  <header id="top"><div id="where" class="caption">Kobler til showet …</div><div id="rehearsal">PRØVE</div>
    <div id="clock">--:--:--</div></header>
  <main id="left">
    <div class="caption">Neste</div>
    <div id="next-title" class="fit"></div>
    <div id="next-names" class="fit"></div>
    <div id="say" class="fit"></div>
    <hr id="notes-rule">
    <div id="notes-caption" class="caption">Notater</div>
    <div id="notes" class="fit"></div>
  </main>
  <aside id="right">
    <section id="stage-box"><div class="caption">På scenen</div><div id="stage-label" class="fit"></div>
      <div id="stage-state"></div></section>
    <section><div class="caption">Tid på sliden</div>
      <div id="cue-timer" class="timer"><span id="on-cue">0:00</span><span id="planned"></span></div></section>
    <section id="show-box"><div class="caption">Igjen av showet</div><div id="show-left" class="timer"></div>
      <div id="behind"></div></section>
  </aside>
  <footer id="band"><div id="message" class="fit"></div></footer>
</div>
<div id="conn">Kobler til showet …</div>
<script>
"use strict";
(function () {
  const AMBER_AT = @AMBER_AT@, FLASH_FOR = @FLASH_FOR@, FLASH_EVERY = @FLASH_EVERY@;
  const params = new URLSearchParams(location.search);
  const mirror = params.get("mirror") === "1";
  let token = params.get("token") || sessionStorage.getItem("ceremony-token") || "";
  if (params.has("token")) {
    sessionStorage.setItem("ceremony-token", token);
    history.replaceState(null, "", location.pathname + (mirror ? "?mirror=1" : ""));
  }
  if (mirror) document.documentElement.style.transform = "scaleX(-1)";
  const $ = (id) => document.getElementById(id);
  let view = null, receivedAt = 0, socket = null, backoff = 500, pushed = false, lastShown = {};
  const SIZES = {  // [largest, smallest] in vmin, and the most lines (0: the box's own height)
    "next-title": [10, 8, 2], "next-names": [7.8, 6, 2], "say": [5.4, 4.6, 2], "notes": [6.4, 4.5, 0],
    "stage-label": [4.6, 3.6, 2], "message": [9.5, 6, 2], "cue-timer": [9, 6, 0], "show-left": [8, 5.5, 0],
  };

  function clockText(seconds) {
    const sign = seconds < 0 ? "−" : "", total = Math.round(Math.abs(seconds));
    const h = Math.floor(total / 3600), m = Math.floor((total % 3600) / 60), s = total % 60;
    const two = (n) => String(n).padStart(2, "0");
    return sign + (h ? h + ":" + two(m) + ":" + two(s) : m + ":" + two(s));
  }
  function vmin() { return Math.min(innerWidth, innerHeight) / 100; }
  function overflows(el, lines) {
    if (el.scrollWidth > el.clientWidth + 1) return true;
    if (lines) return el.scrollHeight > parseFloat(getComputedStyle(el).lineHeight) * lines + 1;
    return el.scrollHeight > el.clientHeight + 1;
  }
  function fit(id, scale = 1) {  // the largest size (quarter vmin steps) at which the text fits, to the floor
    const el = $(id), [big, small, lines] = SIZES[id], unit = vmin();
    let size = Math.max(small, big * scale);
    el.style.fontSize = size * unit + "px";
    while (size > small && overflows(el, lines)) {
      size = Math.max(small, size - 0.25);
      el.style.fontSize = size * unit + "px";
    }
    return !overflows(el, lines);
  }
  function fitLeft(notes) {
    // What comes next first, as large as the room allows; when the notes would get less than two lines, the
    // title, names and say line give up size (never below their floors) before the notes give up lines.
    const el = $("notes"), floor = SIZES.notes[1] * vmin() * 1.12;
    for (const scale of [1, 0.9, 0.8, 0.7, 0.6]) {
      for (const id of ["next-title", "next-names", "say"]) if ($(id).textContent) fit(id, scale);
      if (!notes || el.clientHeight >= 2 * floor) break;
    }
    const room = Boolean(notes) && el.clientHeight >= floor;  // not even one line: no notes, and no caption
    for (const id of ["notes-rule", "notes-caption", "notes"]) $(id).style.visibility = room ? "" : "hidden";
    fitNotes(room ? notes : "");
  }
  function fitNotes(text) {  // as render.confidence.fit_notes: at the floor, cut at a word and mark it
    const el = $("notes");
    el.textContent = text;
    if (!text || fit("notes")) return;
    const words = text.split(/\\s+/);
    let lo = 0, hi = words.length;
    while (lo < hi) {
      const mid = Math.floor((lo + hi + 1) / 2);
      el.textContent = words.slice(0, mid).join(" ") + " …";
      if (overflows(el, 0)) hi = mid - 1; else lo = mid;
    }
    el.textContent = lo ? words.slice(0, lo).join(" ") + " …" : "";
  }
  // A number written with a space ("15 000") is not broken across two lines.
  function keep(text) { return text.replace(/(\\d) (?=\\d{3}(\\D|$))/g, "$1\\u00a0"); }
  function show(id, text) {
    const el = $(id);
    el.style.display = text ? "" : "none";
    el.textContent = text || "";
    if (text && SIZES[id]) fit(id);
  }

  function render(v) {
    view = v; receivedAt = performance.now(); lastShown = {};
    $("where").textContent = "Cue " + v.number + "/" + v.count;
    $("rehearsal").style.display = v.rehearsal ? "block" : "none";
    show("next-title", keep(v.next_title || "Slutt"));
    const said = v.next_names.filter((n) => n !== v.next_title);  // a nominee's slide: its title is the name
    show("next-names", keep(said.join("  ·  ")));
    show("say", keep(v.say || ""));
    $("notes-caption").textContent = "Notater" + (v.page ? "  " + v.page[0] + "/" + v.page[1] : "");
    show("stage-label", keep(v.stage_label));
    const state = $("stage-state");
    state.style.display = v.stage_state ? "block" : "none";
    state.textContent = v.stage_state || "";
    state.className = v.stage_state === "FRYST" ? "frozen" : "";
    $("band").style.display = v.message !== null ? "block" : "none";
    $("show-box").style.display = v.show_left !== null ? "block" : "none";
    tick();
    fitLeft(keep(v.host_notes || ""));  // last: the notes take the room the rest has left
  }

  const FITTED = { "on-cue": "cue-timer", "planned": "cue-timer" };  // spans sized by their line
  function setText(id, text) {  // only when it changed; a text whose length changed is fitted again
    if (lastShown[id] === text) return;
    const grew = lastShown[id] === undefined || lastShown[id].length !== text.length;
    lastShown[id] = text;
    $(id).textContent = text;
    const box = FITTED[id] || id;
    if (grew && SIZES[box]) fit(box);
  }
  function tick() {
    if (!view) return;
    const v = view, passed = (performance.now() - receivedAt) / 1000;
    const wall = new Date((v.clock.epoch + passed + v.clock.utc_offset) * 1000);
    const two = (n) => String(n).padStart(2, "0");
    setText("clock", two(wall.getUTCHours()) + ":" + two(wall.getUTCMinutes()) + ":" + two(wall.getUTCSeconds()));
    const on = v.on_cue + passed;
    setText("on-cue", clockText(on));
    setText("planned", v.planned ? " / " + clockText(v.planned) : "");
    const status = !v.planned ? "ok" : on > v.planned ? "red" : on >= AMBER_AT * v.planned ? "amber" : "ok";
    $("cue-timer").className = "timer " + status;
    if (v.show_left !== null) setText("show-left", clockText(v.started ? v.show_left - passed : v.show_left));
    let behind = v.behind;
    if (behind !== null) {  // the plan's end moves on once the slide runs over its plan (as show.timers)
      const plan = v.planned || 0;
      behind += passed - (Math.max(0, plan - v.on_cue) - Math.max(0, plan - on));
    }
    const b = $("behind");
    const late = behind !== null && Math.abs(behind) >= 30;
    setText("behind", late ? clockText(Math.abs(behind)) + (behind > 0 ? " etter plan" : " foran plan") : "");
    b.className = late ? (behind > 0 ? "late" : "early") : "";
    if (v.message !== null) {
      const age = (v.message_age || 0) + passed;
      const text = v.countdown !== null ? clockText(Math.max(0, v.countdown - passed)) : keep(v.message);
      setText("message", text);
      $("band").className = age < FLASH_FOR && Math.floor(age / FLASH_EVERY) % 2 === 0 ? "flash" : "";
    }
  }
  setInterval(tick, 100);
  addEventListener("resize", () => { if (view) render(view); });

  function setConn(text, lost) { const c = $("conn"); c.textContent = text; c.className = lost ? "lost" : ""; }
  function connect() {
    const url = (location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/api/events" +
      (token ? "?token=" + encodeURIComponent(token) : "");
    socket = new WebSocket(url);
    socket.onopen = () => { backoff = 500; setConn("", false); };
    socket.onmessage = (ev) => {
      try { const s = JSON.parse(ev.data); if (s.confidence) { render(s.confidence); pushed = true; } } catch (e) {}
    };
    socket.onclose = () => {
      setConn("INGEN KONTAKT MED SHOWET — prøver igjen", true);
      setTimeout(connect, backoff); backoff = Math.min(backoff * 2, 5000);
    };
  }
  fetch("/api/confidence", { headers: token ? { "Authorization": "Bearer " + token } : {} }).then((r) => {
    if (r.status !== 401) return r.json();
    setConn("Mangler tilgang: åpne lenken med token fra presentatørvinduet", true);
    return null;
  }).then((v) => { if (v && !pushed) render(v); }).catch(() => {});
  connect();
  document.addEventListener("click", () => {  // a tap: fullscreen, and keep the screen awake where allowed
    if (document.documentElement.requestFullscreen && !document.fullscreenElement)
      document.documentElement.requestFullscreen().catch(() => {});
    if (navigator.wakeLock) navigator.wakeLock.request("screen").catch(() => {});
  });
})();
</script>
</body>
</html>
"""


def _page() -> str:
    values = {
        "BLACK": BLACK,
        "WHITE": WHITE,
        "GREY": GREY,
        "YELLOW": YELLOW,
        "AMBER": AMBER,
        "RED": RED,
        "CYAN": CYAN,
        "BAND": BAND,
        "BAND_FLASH": BAND_FLASH,
        "AMBER_AT": repr(AMBER_AT),
        "FLASH_FOR": repr(FLASH_FOR),
        "FLASH_EVERY": repr(FLASH_EVERY),
    }
    html = _TEMPLATE
    for name, value in values.items():
        html = html.replace(f"@{name}@", value)
    return html


CONFIDENCE_HTML = _page()
"""The page, with the confidence window's colours and timings filled in."""
