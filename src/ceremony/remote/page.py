"""The phone remote: one self-contained page (inline CSS and JS, no external assets, no build step).

It reads the token from ``?token=`` (then keeps it in the tab's session storage
and drops it from the address bar), shows the current and next titles, the notes
and the cue timer, and stays live over the WebSocket at ``/api/events``. A folded
"Melding til verten" section sends the host a message (typed, or one of the
script's presets) or takes it down, and links to the host's own page,
``/confidence`` (same tab, so the token comes along).
"""

from __future__ import annotations


def page_headers(host: str) -> tuple[tuple[str, str], ...]:
    """Nothing loads from anywhere else, the WebSocket only to this server, and the token never leaks in a Referer."""
    sockets = f" ws://{host} wss://{host}" if host and all(c.isalnum() or c in ".-:[]" for c in host) else ""
    return (
        (
            "Content-Security-Policy",
            "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
            f"connect-src 'self'{sockets}; img-src data:; base-uri 'none'; form-action 'none'; "
            "frame-ancestors 'none'",
        ),
        ("Referrer-Policy", "no-referrer"),
        ("X-Frame-Options", "DENY"),
    )


PAGE_HTML = """<!doctype html>
<html lang="nb">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, user-scalable=no">
<meta name="theme-color" content="#111">
<title>ceremony remote</title>
<style>
  :root { color-scheme: dark; --bg:#111; --fg:#eee; --dim:#999; --acc:#2d7ff9; --red:#d33; --amber:#e9a320; }
  * { box-sizing: border-box; }
  body { margin:0; font:16px/1.35 system-ui, sans-serif; background:var(--bg); color:var(--fg);
         display:flex; flex-direction:column; min-height:100vh; min-height:100dvh; }
  header { padding:10px 14px; display:flex; justify-content:space-between; align-items:center; gap:8px;
           border-bottom:1px solid #333; }
  #conn { font-size:13px; padding:2px 8px; border-radius:10px; background:#444; }
  #conn.live { background:#1d6b2c; } #conn.lost { background:var(--red); }
  #timer { font:600 24px/1 ui-monospace, monospace; font-variant-numeric:tabular-nums; white-space:nowrap; }
  #timer.amber { color:var(--amber); } #timer.red { color:var(--red); }
  main { flex:1; padding:12px 14px; display:flex; flex-direction:column; gap:10px; }
  .label { font-size:12px; text-transform:uppercase; letter-spacing:.08em; color:var(--dim); }
  #current { font-size:24px; font-weight:650; }
  #next { font-size:18px; color:#ccc; }
  #notes { white-space:pre-wrap; background:#1c1c1c; border-radius:8px; padding:10px; min-height:3em;
           font-size:17px; }
  #flags span { display:inline-block; margin-right:6px; padding:2px 8px; border-radius:6px; background:#333;
                font-size:13px; }
  #pending { display:none; background:#3a2a00; border:1px solid var(--amber); border-radius:8px; padding:10px; }
  #status { min-height:1.4em; color:var(--dim); font-size:14px; }
  nav { display:grid; grid-template-columns:1fr 2fr; grid-template-rows:auto auto; gap:10px; padding:12px 14px 18px; }
  button { font:650 22px system-ui, sans-serif; color:#fff; border:0; border-radius:14px; padding:22px 8px;
           background:#333; touch-action:manipulation; -webkit-user-select:none; user-select:none; }
  button:active { filter:brightness(1.4); }
  button:disabled { opacity:.4; }
  #btn-next { background:var(--acc); grid-row:1 / span 2; grid-column:2; font-size:30px; }
  #btn-blackout.on { background:var(--red); }
  #btn-confirm { display:none; background:#8a5a00; grid-column:1 / span 2; }
  details { background:#1c1c1c; border-radius:8px; padding:10px; }
  summary { font-size:17px; cursor:pointer; }
  #msg-now { margin:8px 0; color:#ffd24a; } #msg-short { color:#ffd24a; }
  #msg-form { display:flex; gap:8px; }
  #msg-text { flex:1; min-width:0; font:17px system-ui, sans-serif; padding:10px; border-radius:8px;
              border:1px solid #555; background:#111; color:var(--fg); }
  .small { font-size:17px; padding:10px 12px; border-radius:8px; }
  #presets { display:flex; flex-wrap:wrap; gap:8px; margin-top:8px; }
  #msg a { color:#8cb8ff; display:inline-block; margin-top:10px; }
</style>
</head>
<body>
<header>
  <div><div class="label" id="show">ceremony</div><span id="conn">connecting…</span></div>
  <div id="timer" title="time on this slide / planned">--:--</div>
</header>
<main>
  <div><div class="label">Nå <span id="number"></span></div><div id="current">…</div></div>
  <div><div class="label">Neste</div><div id="next">…</div></div>
  <div id="flags"></div>
  <div id="pending"></div>
  <div><div class="label">Notater</div><div id="notes"></div></div>
  <div id="status"></div>
  <details id="msg"><summary>Melding til verten <span id="msg-short"></span></summary>
    <div id="msg-now"></div>
    <form id="msg-form"><input id="msg-text" maxlength="80" placeholder="Skriv en melding …" autocomplete="off"
      enterkeyhint="send"><button id="msg-send" class="small" type="submit">Send</button><button id="msg-clear"
      class="small" type="button">Fjern</button></form>
    <div id="presets"></div>
    <a id="confidence-link" href="/confidence">Åpne vertsskjermen på denne enheten</a>
  </details>
</main>
<nav>
  <button id="btn-previous" data-cmd="previous">◀ Forrige</button>
  <button id="btn-next" data-cmd="next">Neste ▶</button>
  <button id="btn-blackout" data-cmd="blackout">Svart</button>
  <button id="btn-confirm" data-cmd="confirm">Bekreft</button>
</nav>
<script>
"use strict";
(function () {
  const params = new URLSearchParams(location.search);
  let token = params.get("token") || sessionStorage.getItem("ceremony-token") || "";
  if (params.has("token")) {
    sessionStorage.setItem("ceremony-token", token);
    history.replaceState(null, "", location.pathname);
  }
  const $ = (id) => document.getElementById(id);
  const auth = () => (token ? { "Authorization": "Bearer " + token } : {});
  let state = null, receivedAt = 0, socket = null, backoff = 500, pushed = false, shownPresets = "";

  function fmt(seconds) {
    const s = Math.max(0, Math.floor(seconds)), m = Math.floor(s / 60);
    return String(m).padStart(2, "0") + ":" + String(s % 60).padStart(2, "0");
  }
  function setConn(text, cls) { const c = $("conn"); c.textContent = text; c.className = cls; }
  function render(s) {
    state = s; receivedAt = performance.now();
    $("show").textContent = s.title;
    $("number").textContent = s.cue.number + " / " + s.cue_count;
    $("current").textContent = s.cue.label;
    $("next").textContent = s.next ? s.next.label : "— slutt —";
    $("notes").textContent = s.cue.notes || "";
    const flags = [];
    if (s.blackout !== "none") flags.push(s.blackout === "black" ? "SVART" : "HVIT");
    if (s.frozen) flags.push("FRYST");
    if (s.rehearsal) flags.push("PRØVE");
    if (s.armed) flags.push("KLAR TIL AVSLØRING");
    const box = $("flags"); box.replaceChildren();
    for (const f of flags) { const e = document.createElement("span"); e.textContent = f; box.appendChild(e); }
    $("btn-blackout").classList.toggle("on", s.blackout !== "none");
    const p = $("pending");
    p.style.display = s.pending ? "block" : "none";
    p.textContent = s.pending ? s.pending.message : "";
    $("btn-confirm").style.display = s.pending && s.pending.kind === "confirm" ? "block" : "none";
    $("msg-now").textContent = s.message ? "Hos verten nå: «" + s.message.text + "»" : "Ingen melding hos verten";
    $("msg-short").textContent = s.message ? "· nå: «" + s.message.text + "»" : "";
    $("msg-clear").disabled = !s.message;
    const presets = JSON.stringify(s.message_presets || []);
    if (presets !== shownPresets) {  // one button per preset of the script (settings.messages)
      shownPresets = presets;
      const box = $("presets"); box.replaceChildren();
      for (const text of s.message_presets || []) {
        const b = document.createElement("button"); b.className = "small preset"; b.type = "button";
        b.textContent = text; b.addEventListener("click", () => call("POST", "/api/message", { text }));
        box.appendChild(b);
      }
    }
    tick();
  }
  function tick() {
    if (!state) return;
    const t = state.timers, on = t.on_slide + (performance.now() - receivedAt) / 1000;
    const el = $("timer");
    el.textContent = fmt(on) + (t.planned ? " / " + fmt(t.planned) : "");
    el.className = t.planned && on > t.planned ? "red" : (t.planned && on >= 0.9 * t.planned ? "amber" : "");
  }
  setInterval(tick, 500);

  async function call(method, path, body) {  // true when the show did it
    if (navigator.vibrate) navigator.vibrate(15);
    try {
      const r = await fetch(path, { method, headers: { ...auth(), "Content-Type": "application/json" },
                                    body: body === undefined ? undefined : JSON.stringify(body) });
      const reply = await r.json();
      if (r.status === 401) {
        $("status").textContent = "Feil eller manglende token: skann QR-koden på nytt.";
        return false;
      }
      $("status").textContent = reply.message || reply.error || reply.kind || "";
      // While the WebSocket is open its pushes are the truth, in order; a reply can arrive after a newer push.
      if (reply.state && !(socket && socket.readyState === WebSocket.OPEN)) render(reply.state);
      return r.ok;
    } catch (e) { $("status").textContent = "Ingen kontakt med showet."; return false; }
  }
  const run = (cmd) => call("POST", "/api/commands/" + encodeURIComponent(cmd), {});
  for (const b of document.querySelectorAll("button[data-cmd]")) b.addEventListener("click", () => run(b.dataset.cmd));
  $("msg-form").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const text = $("msg-text").value.trim();
    if (text && await call("POST", "/api/message", { text })) $("msg-text").value = "";
  });
  $("msg-clear").addEventListener("click", () => call("DELETE", "/api/message"));

  function connect() {
    const url = (location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/api/events" +
      (token ? "?token=" + encodeURIComponent(token) : "");
    socket = new WebSocket(url);
    socket.onopen = () => { backoff = 500; setConn("live", "live"); };
    socket.onmessage = (ev) => { try { render(JSON.parse(ev.data)); pushed = true; } catch (e) {} };
    socket.onclose = () => {
      setConn("frakoblet – prøver igjen", "lost");
      setTimeout(connect, backoff); backoff = Math.min(backoff * 2, 5000);
    };
  }
  fetch("/api/state", { headers: auth() }).then((r) => {
    if (r.status === 401) { setConn("token mangler", "lost"); $("status").textContent =
      "Åpne lenken fra QR-koden i presentatørvinduet."; return null; }
    return r.json();
  }).then((s) => { if (s && !pushed) render(s); }).catch(() => {});
  connect();
})();
</script>
</body>
</html>
"""
