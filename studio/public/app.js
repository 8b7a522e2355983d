// The studio page: loads the data files, asks the server (the skill's own code) for the preview on
// every edit, shows the field at fault, and saves only what the server has just found valid.
import { breadcrumb, controlFor, getAt, renderForm, setAt } from './form.js';
import { drawTimeline, shortDate } from './timeline.js';

const $ = (id) => document.getElementById(id);
// `checked` is the data the last preview answer was about: Save is on only when that is the data on the page.
const state = { docs: null, saved: '', checked: '', valid: false, seq: 0, day: 3, days: 35, timer: 0, formReady: false };

async function api(path, body) {
  const res = await fetch(path, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return res.json();
}

const localToday = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

async function start() {
  const loaded = await api('/api/docs');
  state.docs = loaded.docs;
  state.saved = JSON.stringify(loaded.docs);
  state.days = loaded.timelineDays;
  $('day').max = String(state.days);
  $('timeline').setAttribute('aria-valuemax', String(state.days));
  $('files').textContent = Object.values(loaded.files).join(', ');
  const params = new URLSearchParams(location.search);
  $('treatment').value = params.get('treatment') ?? localToday();
  pickDay(Number(params.get('day') ?? 3), false);
  $('treatment').addEventListener('input', () => refresh());
  $('day').addEventListener('input', () => {
    const day = Number($('day').value);
    if (Number.isInteger(day) && day >= 1 && day <= state.days) pickDay(day);
  });
  $('timeline').addEventListener('keydown', onTimelineKey);
  $('save').addEventListener('click', save);
  $('print').addEventListener('click', () => window.print());
  await refresh();
}

function pickDay(day, update = true) {
  state.day = Math.min(state.days, Math.max(1, day));
  if (Number($('day').value) !== state.day) $('day').value = String(state.day);
  $('timeline').setAttribute('aria-valuenow', String(state.day));
  if (update) refresh();
}

function onTimelineKey(e) {
  const moves = { ArrowRight: 1, ArrowUp: 1, ArrowLeft: -1, ArrowDown: -1, PageUp: 7, PageDown: -7 };
  if (e.key in moves) pickDay(state.day + moves[e.key]);
  else if (e.key === 'Home') pickDay(1);
  else if (e.key === 'End') pickDay(state.days);
  else return;
  e.preventDefault();
}

function onEdit(doc, path, value) {
  setAt(state.docs[doc], path, value);
  updateSave();
  clearTimeout(state.timer);
  state.timer = setTimeout(refresh, 120);
}

/** Asks for the preview of the current edits; an answer overtaken by a later request is dropped. */
async function refresh() {
  const seq = ++state.seq;
  const sent = JSON.stringify(state.docs);
  const result = await api('/api/preview', { docs: state.docs, treatment: $('treatment').value, day: state.day });
  if (seq !== state.seq) return;
  state.checked = sent;
  if (!result.ok && !result.error?.doc) {
    showProblem(null, result.error?.message ?? 'The preview failed.');
    return;
  }
  state.valid = result.ok;
  // Built once (rebuilding would take the focus away); from a broken file too, so it can be mended here.
  if (!state.formReady) buildForm(result.ok ? result.facts : []);
  if (!result.ok) {
    showProblem(result.error);
  } else {
    showProblem(null);
    render(result);
  }
  updateSave();
}

const TITLES = { protocol: 'General', clinic: 'Clinic' };

function buildForm(facts) {
  $('form').replaceChildren();
  for (const [name, doc] of Object.entries(state.docs)) {
    const hidden = new Set(facts.filter((f) => f.doc === name).flatMap((f) => [f.sourcePath, f.reviewPath].filter(Boolean)));
    renderForm($('form'), name, doc, { title: TITLES[name] ?? name, hidden, onEdit });
  }
  state.formReady = true;
}

function updateSave() {
  const now = JSON.stringify(state.docs);
  const dirty = now !== state.saved;
  $('save').disabled = !state.valid || state.checked !== now || !dirty;
  if (dirty && state.valid && state.checked === now) $('save-status').textContent = 'Unsaved changes.';
}

function showProblem(error, text) {
  for (const bad of document.querySelectorAll('[aria-invalid="true"]')) bad.removeAttribute('aria-invalid');
  const box = $('problem');
  box.replaceChildren();
  document.body.classList.toggle('invalid', Boolean(error || text));
  if (text) box.textContent = text;
  if (!error) return;
  const control = controlFor($('form'), error.doc, error.path);
  if (control) {
    control.setAttribute('aria-invalid', 'true');
    const details = control.closest('details');
    if (details) details.open = true;
  }
  const where = document.createElement('strong');
  where.textContent = control ? breadcrumb(control) : error.path || error.doc;
  const path = document.createElement('code');
  path.textContent = error.path;
  box.append('Cannot save: ', where, ' (', path, '). ', error.message.replace(/^Invalid [a-z ]+: /, ''), '. The preview shows the last valid version.');
  $('save-status').textContent = `Cannot save: ${where.textContent}.`;
}

async function save() {
  if ($('save').disabled) return;
  $('save').disabled = true;
  const sent = JSON.stringify(state.docs);
  const result = await api('/api/save', { docs: JSON.parse(sent) });
  if (result.ok) {
    state.saved = sent; // edits typed while saving stay unsaved
    const files = Object.values(result.files);
    $('save-status').textContent = files.length === 0 ? 'Nothing changed.' : `Saved to ${files.join(' and ')}. Next: npm run model:sync if words changed, then npm run deploy.`;
  } else {
    state.valid = false;
    showProblem(result.error?.doc ? result.error : null, result.error?.doc ? undefined : result.error?.message);
  }
  updateSave();
}

function render({ timeline, day, facts, deployProblems }) {
  drawTimeline($('timeline'), timeline, state.day, pickDay);
  $('timeline').setAttribute('aria-valuetext', `Day ${day.day}, ${shortDate(day.date)}`);
  $('print-title').textContent = `Treatment on ${shortDate(timeline.treatment)}: days 1–${timeline.days.length}`;
  renderWindows(timeline);
  renderDay(day);
  renderFacts(facts);
  $('deploy-problems').replaceChildren(...deployProblems.map((text) => Object.assign(document.createElement('li'), { textContent: text })));
}

function renderWindows(t) {
  const rows = t.bars.map((b) => {
    const tr = document.createElement('tr');
    tr.dataset.activity = b.id;
    cells(tr, [b.name, `${b.kind === 'limit' ? 'extra care, ' : ''}${b.throughDay === 1 ? 'day 1' : `days 1–${b.throughDay}`}`, `day ${b.firstFreeDay}`, shortDate(b.firstFreeDate)], true);
    return tr;
  });
  $('windows').tBodies[0].replaceChildren(...rows);
  const daily = t.reminders.filter((r) => r.daily);
  const extra = t.reminders.filter((r) => !r.daily).map((r) => `day ${r.day} (${shortDate(r.date)})`);
  const mornings = daily.length ? `every morning, days ${daily[0].day}–${daily[daily.length - 1].day}` : '';
  $('milestones').textContent = `Follow-up bookable from day ${t.followUp.day} (${shortDate(t.followUp.date)}). Morning reminders: ${[mornings, ...extra].filter(Boolean).join(', plus ')}.`;
}

function renderDay(d) {
  $('day-title').textContent = `Day ${d.day} (${shortDate(d.date)}), as patients hear it`;
  $('briefing').textContent = d.briefing;
  $('seconds-meter').max = d.budgetSeconds;
  $('seconds-meter').value = d.seconds;
  $('seconds').textContent = `${d.seconds} s of the ${d.budgetSeconds} s budget, closing question included${d.seconds > d.budgetSeconds ? ' (too long)' : ''}`;
  $('card').textContent = `${d.card.title}\n\n${d.card.content}`;
  $('reminder').textContent = d.reminder ?? 'No reminder this morning.';
  $('answers').tBodies[0].replaceChildren(
    ...d.answers.map((a) => {
      const tr = document.createElement('tr');
      tr.dataset.activity = a.id;
      cells(tr, [a.name, a.canI, a.whenCanI], true);
      return tr;
    }),
  );
}

function cells(tr, texts, firstIsHeader) {
  texts.forEach((text, i) => {
    const cell = document.createElement(i === 0 && firstIsHeader ? 'th' : 'td');
    if (i === 0 && firstIsHeader) cell.scope = 'row';
    cell.textContent = text;
    tr.append(cell);
  });
}

/** The sign-off list. Updated in place while its facts stay the same, so a switch keeps the focus. */
function renderFacts(facts) {
  const readings = facts.filter((f) => f.source.kind === 'clinic');
  const open = readings.filter((f) => !getAt(state.docs[f.doc], f.reviewPath ?? '')).length;
  $('facts-summary').textContent = `${facts.length} facts: ${facts.length - readings.length} from the article, ${readings.length} clinic readings, ${open} of them not reviewed yet (npm run deploy refuses unreviewed facts and the problems listed here).`;
  const body = $('facts').tBodies[0];
  const key = facts.map((f) => f.sourcePath).join('|');
  if (body.dataset.key !== key) {
    body.dataset.key = key;
    body.replaceChildren(...facts.map(factRow));
  }
  facts.forEach((f, i) => {
    const row = body.rows[i];
    row.querySelector('.fact').textContent = f.label;
    row.querySelector('.source-kind').textContent = f.source.kind === 'article' ? 'Article' : 'Clinic reading';
    row.querySelector('.source-kind').className = `source-kind ${f.source.kind}`;
    row.querySelector('.source-text').textContent = f.source.kind === 'article' ? `“${f.source.text}”` : f.source.text;
    const toggle = row.querySelector('input');
    if (toggle) toggle.checked = Boolean(getAt(state.docs[f.doc], f.reviewPath));
  });
}

let factIds = 0;
function factRow(f) {
  const tr = document.createElement('tr');
  const fact = document.createElement('th');
  fact.scope = 'row';
  fact.className = 'fact';
  fact.id = `fact-${++factIds}`;
  const source = document.createElement('td');
  source.innerHTML = '<span class="source-kind"></span> <span class="source-text"></span>';
  const review = document.createElement('td');
  if (f.reviewPath) {
    const input = document.createElement('input');
    input.type = 'checkbox';
    input.setAttribute('role', 'switch');
    input.id = `review-${factIds}`;
    input.dataset.doc = f.doc;
    input.dataset.path = f.reviewPath;
    const label = document.createElement('label');
    label.htmlFor = input.id;
    label.id = `review-label-${factIds}`;
    label.textContent = 'reviewed';
    // Said as "reviewed, <the fact>", so each switch in the list is told apart.
    input.setAttribute('aria-labelledby', `${label.id} ${fact.id}`);
    input.addEventListener('change', () => onEdit(f.doc, f.reviewPath, input.checked));
    review.append(input, ' ', label);
  } else {
    review.textContent = f.source.kind === 'article' ? 'from the article' : 'no switch in this format';
  }
  tr.append(fact, source, review);
  return tr;
}

start().catch((e) => showProblem(null, `The studio could not start: ${e.message}`));
