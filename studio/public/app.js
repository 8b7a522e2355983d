// The studio page: loads the data files, asks the server (the skill's own code) for the preview on
// every edit, shows the field at fault beside it, and saves only what the server has just found valid,
// with the version it loaded, so a save from a stale tab is refused instead of undoing someone's change.
import { breadcrumb, controlFor, diffLeaves, getAt, renderForm, setAt } from './form.js';
import { drawTimeline, longDate, shortDate } from './timeline.js';

const $ = (id) => document.getElementById(id);
// `checked` is the data the last preview answer was about: Save is on only when that is the data on the page.
const state = {
  docs: null,
  base: null,
  saved: '',
  version: '',
  deployedVersion: undefined,
  checked: '',
  valid: false,
  seq: 0,
  day: 3,
  days: 35,
  timer: 0,
  formReady: false,
  savedOnce: false,
};

async function api(path, body) {
  const res = await fetch(
    path,
    body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
  );
  return res.json();
}

const localToday = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

async function load() {
  const loaded = await api('/api/docs');
  if (!loaded.ok) {
    showProblem(null, loaded.broken?.message ?? loaded.error?.message ?? 'The studio could not read its files.');
    return false;
  }
  state.docs = loaded.docs;
  state.base = JSON.parse(JSON.stringify(loaded.docs));
  state.saved = JSON.stringify(loaded.docs);
  state.version = loaded.version;
  state.deployedVersion = loaded.deployedVersion;
  state.days = loaded.timelineDays;
  $('files').textContent = Object.values(loaded.files).join(', ');
  return true;
}

async function start() {
  if (!(await load())) return;
  $('day').max = String(state.days);
  $('timeline').setAttribute('aria-valuemax', String(state.days));
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
  $('phrase-form').addEventListener('submit', (e) => {
    e.preventDefault();
    refresh();
  });
  $('reload').addEventListener('click', reloadAndReapply);
  // Leaving with unsaved edits asks first (the browser's own question).
  window.addEventListener('beforeunload', (e) => {
    if (JSON.stringify(state.docs) !== state.saved) e.preventDefault();
  });
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

/** Fields that follow another: the article's "at least" hours are the restricted days × 24. */
const FOLLOWERS = [[/^activities\[(\d+)\]\.avoidThroughDay$/, (m) => `activities[${m[1]}].atLeastHours`, (days) => days * 24]];

function onEdit(doc, path, value) {
  setAt(state.docs[doc], path, value);
  for (const [pattern, followerOf, derive] of FOLLOWERS) {
    const m = pattern.exec(path);
    const follower = m && followerOf(m);
    if (follower && typeof getAt(state.docs[doc], follower) === 'number' && Number.isInteger(value) && value > 0) {
      setAt(state.docs[doc], follower, derive(value));
      const input = controlFor($('form'), doc, follower);
      if (input && input.dataset.path === follower) input.value = String(derive(value));
    }
  }
  updateSave();
  clearTimeout(state.timer);
  state.timer = setTimeout(refresh, 120);
}

/** Asks for the preview of the current edits; an answer overtaken by a later request is dropped. */
async function refresh() {
  const seq = ++state.seq;
  const sent = JSON.stringify(state.docs);
  const treatment = $('treatment').value;
  $('treatment-problem').textContent = treatment ? '' : 'Pick a treatment date to see its timeline and days.';
  if (!treatment) return;
  const result = await api('/api/preview', { docs: state.docs, treatment, day: state.day, phrase: $('phrase').value });
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
    const hidden = new Set(facts.filter((f) => f.doc === name).flatMap((f) => f.sourcePaths));
    renderForm($('form'), name, doc, { title: TITLES[name] ?? name, hidden, onEdit });
  }
  state.formReady = true;
}

function updateSave() {
  const now = JSON.stringify(state.docs);
  const dirty = now !== state.saved;
  $('save').disabled = !state.valid || state.checked !== now || !dirty;
  let live;
  if (dirty) live = 'Unsaved changes: no patient hears them until you save and deploy.';
  else if (state.deployedVersion === state.version) live = 'Patients hear what this page shows: these files are the ones last deployed.';
  else if (state.deployedVersion || state.savedOnce)
    live = 'Saved, not deployed yet: patients hear these answers after the next npm run deploy, and the earlier ones until then.';
  else live = 'Patients hear what was last deployed with npm run deploy; what is saved here reaches them with the next deploy.';
  $('live-state').textContent = live;
}

/** Marks the field at fault and says what is wrong beside it, in plain words; clears any earlier mark. */
function showProblem(error, text) {
  for (const bad of document.querySelectorAll('[aria-invalid="true"]')) bad.removeAttribute('aria-invalid');
  for (const old of document.querySelectorAll('.field-error')) old.remove();
  const box = $('problem');
  box.replaceChildren();
  document.body.classList.toggle('invalid', Boolean(error || text));
  if (text) box.textContent = text;
  if (!error) return;
  const control = controlFor($('form'), error.doc, error.path);
  const note = document.createElement('p');
  note.className = 'field-error';
  note.id = 'field-error';
  note.textContent = error.plain ?? error.message;
  if (control) {
    const details = control.closest('details') ?? (control.tagName === 'DETAILS' ? control : null);
    if (details) details.open = true;
    if (control.tagName === 'DETAILS') control.querySelector('summary').after(note);
    else {
      control.setAttribute('aria-invalid', 'true');
      control.setAttribute('aria-describedby', 'field-error');
      control.after(note);
    }
  }
  const where = control ? breadcrumb(control) : error.path || error.doc;
  const go = document.createElement('a');
  go.href = '#field-error';
  go.textContent = where;
  box.append('Cannot save yet: ', go, ` — ${error.plain ?? error.message} The preview shows the last version that could be saved.`);
  $('save-status').textContent = `Cannot save: ${where}.`;
}

async function save() {
  if ($('save').disabled) return;
  $('save').disabled = true;
  $('save-status').textContent = 'Saving…';
  const sent = JSON.stringify(state.docs);
  const result = await api('/api/save', { docs: JSON.parse(sent), version: state.version });
  $('stale').hidden = true;
  if (result.ok) {
    const wordsChanged = JSON.stringify(wordsOf(JSON.parse(sent))) !== JSON.stringify(wordsOf(JSON.parse(state.saved)));
    state.saved = sent; // edits typed while saving stay unsaved
    state.savedOnce = true;
    state.base = JSON.parse(sent);
    state.version = result.version;
    const files = Object.values(result.files);
    $('save-status').textContent =
      files.length === 0
        ? 'Nothing changed.'
        : `Saved to ${files.join(' and ')}. Patients hear it after the next deploy: ${wordsChanged ? 'npm run model:sync (words changed), then ' : ''}npm run deploy.`;
  } else if (result.stale) {
    $('save-status').textContent = 'Not saved: the files changed since this page opened them.';
    $('stale-message').textContent = `${result.error.message} Your edit is still here.`;
    $('stale').hidden = false;
    $('reload').focus();
  } else {
    state.valid = false;
    showProblem(result.error?.doc ? result.error : null, result.error?.doc ? undefined : result.error?.message);
  }
  updateSave();
}

/** The words patients say, which the voice model must learn again when they change. */
const wordsOf = (docs) => (docs.protocol.activities ?? []).map((a) => a.synonyms);

/** After a refused stale save: the files as saved now, with this page's own edits applied on top. */
async function reloadAndReapply() {
  const mine = diffLeaves(state.base, state.docs);
  if (!(await load())) return;
  for (const [doc, path, value] of mine) setAt(state.docs[doc], path, value);
  $('stale').hidden = true;
  state.formReady = false;
  await refresh();
  $('save-status').textContent =
    `Reloaded the saved files and applied your ${mine.length === 1 ? 'edit' : `${mine.length} edits`} again: check, then save.`;
}

function render({ timeline, day, facts, deployProblems, phrase }) {
  drawTimeline($('timeline'), timeline, state.day, pickDay);
  $('timeline').setAttribute('aria-valuetext', `Day ${day.day}, ${shortDate(day.date)}`);
  $('print-title').textContent =
    `Treatment on ${longDate(timeline.treatment)}: days 1–${timeline.days.length}, ${longDate(timeline.days[0].date)} to ${longDate(timeline.days[timeline.days.length - 1].date)}`;
  renderWindows(timeline);
  renderDay(day);
  $('phrase-answer').textContent = phrase ? phrase.answer : '';
  renderFacts(facts);
  $('deploy-problems').replaceChildren(...deployProblems.map((text) => Object.assign(document.createElement('li'), { textContent: text })));
}

function renderWindows(t) {
  const rows = t.bars.map((b) => {
    const tr = document.createElement('tr');
    tr.dataset.activity = b.id;
    const ends = b.kind === 'limit' ? `extra care ends day ${b.firstFreeDay}` : `day ${b.firstFreeDay}`;
    cells(
      tr,
      [
        b.name,
        `${b.kind === 'limit' ? 'extra care, ' : ''}${b.throughDay === 1 ? 'day 1' : `days 1–${b.throughDay}`}`,
        ends,
        shortDate(b.firstFreeDate),
      ],
      true,
    );
    return tr;
  });
  $('windows').tBodies[0].replaceChildren(...rows);
  const daily = t.reminders.filter((r) => r.daily);
  const extra = t.reminders.filter((r) => !r.daily).map((r) => `day ${r.day} (${shortDate(r.date)})`);
  const mornings = daily.length ? `every morning, days ${daily[0].day}–${daily[daily.length - 1].day}` : '';
  $('milestones').textContent =
    `Follow-up bookable from day ${t.followUp.day} (${shortDate(t.followUp.date)}). Morning reminders: ${[mornings, ...extra].filter(Boolean).join(', plus ')}.`;
}

function renderDay(d) {
  $('day-title').textContent = `Day ${d.day} (${shortDate(d.date)}), as patients hear it`;
  $('briefing').textContent = d.briefing;
  $('seconds-meter').max = d.budgetSeconds;
  $('seconds-meter').value = d.seconds;
  $('seconds').textContent =
    `${d.seconds} s of the ${d.budgetSeconds} s budget, closing question included${d.seconds > d.budgetSeconds ? ' (too long)' : ''}`;
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
  const open = readings.filter((f) => !f.reviewed).length;
  $('facts-summary').textContent =
    `${facts.length} facts: ${facts.length - readings.length} from the article, ${readings.length} clinic readings, ${open} of them not reviewed yet (npm run deploy refuses unreviewed facts and the problems listed here).`;
  const body = $('facts').tBodies[0];
  const key = facts.map((f) => `${f.at.join(',')}:${f.source.kind}`).join('|');
  if (body.dataset.key !== key) {
    body.dataset.key = key;
    body.replaceChildren(...facts.map(factRow));
  }
  facts.forEach((f, i) => {
    const row = body.rows[i];
    row.querySelector('.fact').textContent = f.label;
    const kind = row.querySelector('.source-kind');
    kind.textContent = f.source.kind === 'article' ? 'Article' : f.reviewed ? 'Clinic reading, reviewed' : 'Clinic reading, not reviewed';
    kind.className = `source-kind ${f.source.kind}`;
    row.querySelector('.source-text').textContent = f.source.kind === 'article' ? `“${f.source.text}”` : f.source.text;
    const toggle = row.querySelector('input');
    if (toggle) {
      toggle.checked = f.reviewed;
      toggle.onchange = () => {
        for (const r of f.review) setAt(state.docs[f.doc], r.path, JSON.parse(JSON.stringify(toggle.checked ? r.on : r.off)));
        onEdit(f.doc, f.review[0].path, getAt(state.docs[f.doc], f.review[0].path));
      };
    }
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
  if (f.review) {
    const input = document.createElement('input');
    input.type = 'checkbox';
    input.setAttribute('role', 'switch');
    input.id = `review-${factIds}`;
    input.dataset.doc = f.doc;
    input.dataset.path = `${f.review[0].path}.reviewedByClinic`;
    const label = document.createElement('label');
    label.htmlFor = input.id;
    label.id = `review-label-${factIds}`;
    label.textContent = 'reviewed';
    // Said as "reviewed, <the fact>", so each switch in the list is told apart.
    input.setAttribute('aria-labelledby', `${label.id} ${fact.id}`);
    review.append(input, ' ', label);
  } else {
    review.textContent = 'from the article';
  }
  tr.append(fact, source, review);
  return tr;
}

start().catch((e) => showProblem(null, `The studio could not start: ${e.message}`));
