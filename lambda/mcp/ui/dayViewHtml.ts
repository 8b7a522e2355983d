/**
 * The Alexa+ day view: one self-contained HTML page (MCP Apps, `text/html;profile=mcp-app`). It loads
 * nothing (its own CSP says so), holds no words of its own, and draws what the tool result carries in
 * `_meta["aftercare/view"]` (lambda/screens/dayView.ts): the same day the skill speaks and the Echo Show
 * shows. It talks to the host over postMessage JSON-RPC as the MCP Apps extension asks: ui/initialize,
 * then ui/notifications/initialized; it draws each ui/notifications/tool-result and reports its size.
 * Designed on Alexa+'s 768 × 480 canvas; the host scales it.
 */

const CSS = `
:root { --bg: #ffffff; --panel: #f3f5f7; --text: #15202b; --muted: #55616d; --accent: #b4540a; --chip: #e4e8ec; --chip-past: #c9d0d7; --shown: #b4540a; --shown-text: #ffffff; }
:root[data-theme="dark"] { --bg: #11181f; --panel: #1c2631; --text: #f4f6f8; --muted: #b9c2cc; --accent: #f2b24c; --chip: #253140; --chip-past: #33404d; --shown: #f2b24c; --shown-text: #11181f; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
html, body { margin: 0; background: var(--bg); color: var(--text); font: 15px/1.3 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
body { width: 100%; max-width: 768px; min-height: 480px; padding: 14px 20px; display: flex; flex-direction: column; gap: 8px; }
header { display: flex; align-items: baseline; gap: 12px; }
header h1 { margin: 0; font-size: 24px; }
header p { margin: 0; color: var(--muted); }
#answer { margin: 0; background: var(--panel); border-left: 4px solid var(--accent); padding: 6px 10px; border-radius: 6px; }
main { display: grid; grid-template-columns: 1fr 1fr; gap: 18px; flex: 1; }
h2 { margin: 6px 0 2px; font-size: 12px; text-transform: uppercase; letter-spacing: .06em; color: var(--accent); }
main p, main li { margin: 0 0 2px; }
ul { list-style: none; margin: 0; padding: 0; }
li.group { padding: 2px 0 4px; }
.until { display: block; font-weight: 600; }
.name { white-space: nowrap; }
.name.asked { background: var(--accent); color: var(--bg); border-radius: 4px; padding: 0 4px; font-weight: 600; }
.note { display: block; color: var(--muted); font-size: 13px; }
#strip { display: grid; grid-template-columns: repeat(35, 1fr); gap: 2px; }
#strip span { text-align: center; font-size: 11px; padding: 4px 0; border-radius: 4px; background: var(--chip); color: var(--muted); }
#strip span.past { background: var(--chip-past); }
#strip span.shown { background: var(--shown); color: var(--shown-text); font-weight: 700; }
button { font: inherit; border: 1px solid var(--muted); background: transparent; color: var(--text); border-radius: 6px; padding: 2px 10px; }
@media (max-width: 520px) { main { grid-template-columns: 1fr; } #strip { grid-template-columns: repeat(18, 1fr); } }
`;

/** Runs in the page: draws the view with textContent only (no markup from data), speaks JSON-RPC to the host. */
const SCRIPT = `
(() => {
  const host = window.parent;
  const pending = new Map();
  let nextId = 1;
  const send = (message) => host.postMessage(Object.assign({ jsonrpc: '2.0' }, message), '*');
  const request = (method, params) => new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject });
    send({ id, method, params });
  });
  const $ = (id) => document.getElementById(id);
  const el = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const show = (node, on) => { node.hidden = !on; };

  function applyContext(context) {
    if (!context) return;
    if (context.theme) document.documentElement.dataset.theme = context.theme;
    const variables = context.styles && context.styles.variables;
    if (variables) for (const [name, value] of Object.entries(variables)) if (typeof value === 'string') document.documentElement.style.setProperty(name, value);
    const modes = context.availableDisplayModes || [];
    show($('fullscreen'), modes.includes('fullscreen') && context.displayMode !== 'fullscreen');
  }

  function draw(result) {
    const view = result && result._meta && result._meta['aftercare/view'];
    const day = view && view.day;
    if (!day) {
      // No day to draw (a day before the treatment, no date yet): the answer's own sentence alone.
      $('answer').textContent = (result && result.structuredContent && result.structuredContent.say) || '';
      show($('answer'), true);
      show($('content'), false);
      return reportSize();
    }
    const labels = view.labels;
    $('title').textContent = day.title;
    $('date').textContent = day.date;
    show($('answer'), !!view.say);
    $('answer').textContent = view.say || '';
    $('skinHeading').textContent = labels.skin;
    $('skin').textContent = day.skin;
    $('todoHeading').textContent = labels.todo;
    show($('todoHeading'), day.todo.length > 0);
    $('todo').replaceChildren(...day.todo.map((t) => el('li', '', t)));
    $('todoUntil').textContent = day.todoUntil || '';
    $('sunHeading').textContent = labels.sun;
    show($('sunHeading'), !!day.sun);
    $('sun').textContent = day.sun ? day.sun.text : '';
    $('sunUntil').textContent = day.sun && day.sun.until ? day.sun.until : '';
    $('offHeading').textContent = labels.offLimits;
    show($('offHeading'), day.offLimits.length > 0);
    // Restrictions that end on the same day share one line: "until Thursday, November 26th (day 7)".
    const groups = [];
    for (const r of day.offLimits) {
      const last = groups[groups.length - 1];
      if (last && last.until === r.until) last.items.push(r); else groups.push({ until: r.until, items: [r] });
    }
    const notes = [...new Set(day.offLimits.map((r) => r.note).filter(Boolean))];
    $('offLimits').replaceChildren(...groups.map((g) => {
      const item = el('li', 'group');
      item.append(el('span', 'until', g.until));
      g.items.forEach((r, i) => {
        const name = el('span', 'name' + (r.id === view.asked ? ' asked' : ''), r.name + (r.note ? ' *' : ''));
        name.dataset.id = r.id;
        item.append(name);
        if (i < g.items.length - 1) item.append(document.createTextNode(', '));
      });
      return item;
    }));
    $('offNote').textContent = notes.map((n) => '* ' + n).join(' ');
    $('fineHeading').textContent = labels.fineAgain;
    show($('fineHeading'), day.fineAgain.length > 0);
    $('fine').textContent = day.fineAgain.join(', ');
    $('followHeading').textContent = labels.followUp;
    $('followUp').textContent = day.followUp;
    $('stripHeading').textContent = labels.strip;
    $('strip').replaceChildren(...day.strip.map((d) => {
      const chip = el('span', d.state, d.label);
      if (d.state === 'shown') chip.setAttribute('aria-current', 'date');
      return chip;
    }));
    show($('content'), true);
    reportSize();
  }

  function reportSize() {
    send({ method: 'ui/notifications/size-changed', params: { width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight } });
  }

  window.addEventListener('message', (event) => {
    if (event.source !== host) return;
    const message = event.data;
    if (!message || message.jsonrpc !== '2.0') return;
    if (message.id !== undefined && !message.method) {
      const waiting = pending.get(message.id);
      pending.delete(message.id);
      if (waiting) message.error ? waiting.reject(message.error) : waiting.resolve(message.result);
      return;
    }
    if (message.method === 'ui/notifications/tool-result') draw(message.params);
    else if (message.method === 'ui/notifications/host-context-changed') applyContext(message.params);
    else if (message.method === 'ui/resource-teardown') send({ id: message.id, result: {} });
  });

  $('fullscreen').addEventListener('click', () => request('ui/request-display-mode', { mode: 'fullscreen' }).then((r) => applyContext({ displayMode: r && r.mode })));

  request('ui/initialize', { appInfo: { name: 'microneedling-aftercare-day-view', version: '1.0.0' }, appCapabilities: {}, protocolVersion: '2026-01-26' })
    .then((result) => {
      applyContext(result && result.hostContext);
      send({ method: 'ui/notifications/initialized', params: {} });
    });
})();
`;

const BODY = `
<header><h1 id="title"></h1><p id="date"></p></header>
<p id="answer" hidden></p>
<main id="content" hidden>
  <div>
    <h2 id="skinHeading"></h2><p id="skin"></p>
    <h2 id="todoHeading"></h2><ul id="todo"></ul><p class="note" id="todoUntil"></p>
    <h2 id="sunHeading"></h2><p id="sun"></p><p class="note" id="sunUntil"></p>
  </div>
  <div>
    <h2 id="offHeading"></h2><ul id="offLimits"></ul><p class="note" id="offNote"></p>
    <h2 id="fineHeading"></h2><p id="fine"></p>
    <h2 id="followHeading"></h2><p id="followUp"></p>
  </div>
</main>
<footer><h2 id="stripHeading"></h2><div id="strip" role="list"></div></footer>
<button id="fullscreen" hidden aria-label="Full screen">⤢</button>
`;

/** The page; the same for every patient and day (the data arrives in the tool result). */
export function dayViewHtml(): string {
  const csp =
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; connect-src 'none'; frame-src 'none'; base-uri 'none'; form-action 'none'";
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${csp}"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Aftercare day</title><style>${CSS}</style></head>
<body>${BODY}<script>${SCRIPT}</script></body></html>`;
}
