// The editor, built from the data itself: a text box per phrase, a number box per day, one line per
// synonym. A field added to the format shows up here without code; LABELS only gives it a kinder name.

const LABELS = {
  clinic: 'Clinic',
  'clinic.name': 'Clinic name',
  'clinic.phone': 'Phone',
  disclaimer: 'Disclaimer (said on first use)',
  phases: 'Recovery phases',
  'phases[].fromDay': 'From day',
  'phases[].toDay': 'Through day',
  'phases[].skin': 'What the skin does',
  'phases[].todo': 'What to do',
  activities: 'Activities',
  'activities[].name': 'Name in a sentence',
  'activities[].shortName': 'Short name',
  'activities[].avoidThroughDay': 'Restricted through day (0 = never)',
  'activities[].whileAvoided': 'While restricted: why, or the extra care',
  'activities[].onceAllowed': 'Once allowed: advice',
  'activities[].synonyms': 'Words patients say',
  followUp: 'Follow-up session',
  'followUp.afterDays': 'Bookable after this many days',
  briefing: 'Briefing',
  'briefing.maxOffLimitsSpoken': 'Most restriction groups said in a briefing',
  'activities[].namedAsHeard': 'Words an answer repeats as heard',
  'activities[].atLeastHours': 'At least this many hours',
  'activities[].briefly': 'In a few words (said in every briefing of its window)',
  prescriptions: 'Prescriptions',
  tanning: 'Tanning',
  '*.words': 'Words that ask it',
  '*.answer': 'Answer',
  sunscreen: 'Answer to "what SPF should I use?"',
  keepSunscreen: 'Answer to "can I stop wearing sunscreen?"',
  symptoms: 'Symptoms',
  'symptoms.normal': 'What is normal, by day',
  'symptoms.warningSigns.words': 'Warning signs, always the clinic',
  'symptoms.worryWords': 'Words of worry, always the clinic',
  // The clinic's own file.
  name: 'Clinic name',
  phone: 'Phone',
  emergencyLine: 'Emergency line',
  privacyPolicyUrl: 'Privacy policy (https address)',
  termsOfUseUrl: 'Terms of use (https address)',
};
/** Fields set from another one, shown but not typed in: the page keeps them in step. */
const FOLLOWS = { 'activities[].atLeastHours': 'follows the restricted days: days × 24' };
/** Fields a clinic does not change here: they tie the data to the code and the voice model. */
const FIXED = new Set(['schemaVersion', 'locale', 'id', 'kind']);
const LONG_TEXT = 60;

export const pathKey = (path) => path.replace(/\[\d+\]/g, '[]');
const humanize = (key) => key.replace(/([A-Z])/g, ' $1').replace(/^./, (c) => c.toUpperCase());
const lastKey = (path) =>
  path
    .split('.')
    .pop()
    .replace(/\[\d+\]$/, '');
export const labelFor = (path) => LABELS[pathKey(path)] ?? LABELS[`*.${lastKey(path)}`] ?? humanize(lastKey(path));

export function getAt(root, path) {
  return steps(path).reduce((v, s) => (v == null ? undefined : v[s]), root);
}

export function setAt(root, path, value) {
  const s = steps(path);
  const last = s.pop();
  const parent = s.reduce((v, k) => v[k], root);
  parent[last] = value;
}

/**
 * The edits between `before` and `after` (both {doc: data}) as [doc, path, value]: changed values, with a
 * list of words or a whole list whose length changed taken as one value.
 */
export function diffLeaves(before, after) {
  const out = [];
  const walk = (doc, path, a, b) => {
    const sameShape = typeof a === 'object' && a !== null && typeof b === 'object' && b !== null && Array.isArray(a) === Array.isArray(b);
    const wordList = Array.isArray(b) && b.every((x) => typeof x !== 'object');
    if (sameShape && !wordList && (!Array.isArray(a) || a.length === b.length)) {
      for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
        walk(doc, Array.isArray(b) ? `${path}[${k}]` : path ? `${path}.${k}` : k, a[k], b[k]);
      }
    } else if (JSON.stringify(a) !== JSON.stringify(b)) {
      out.push([doc, path, b === undefined ? undefined : JSON.parse(JSON.stringify(b))]);
    }
  };
  for (const doc of Object.keys(after)) walk(doc, '', before[doc], after[doc]);
  return out;
}

function steps(path) {
  return path === '' ? [] : path.split(/\.|(?=\[)/).map((p) => (p.startsWith('[') ? Number(p.slice(1, -1)) : p));
}

let uid = 0;
const el = (tag, attrs = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (k === 'text') node.textContent = v;
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  node.append(...children.filter(Boolean));
  return node;
};

/** What an item of a list is called: its short name or name, else its days. */
function itemTitle(item, index) {
  if (item.shortName || item.name) {
    const days =
      item.kind === 'encouraged' ? 'always encouraged' : item.avoidThroughDay !== undefined ? `through day ${item.avoidThroughDay}` : '';
    return `${item.shortName ?? item.name}${days ? ` (${days})` : ''}`;
  }
  if (item.fromDay !== undefined) {
    const days =
      item.toDay === undefined
        ? `from day ${item.fromDay}`
        : item.toDay === item.fromDay
          ? `day ${item.fromDay}`
          : `days ${item.fromDay}–${item.toDay}`;
    return `${item.id ?? `#${index + 1}`}: ${days}`;
  }
  return item.id ?? `#${index + 1}`;
}

/**
 * Renders one data file `doc` into `form`: its plain fields under `title`, then a group per object or
 * list. `hidden` holds paths shown elsewhere (sources and review switches); `onEdit(doc, path, value)`
 * is called on every keystroke with the value already converted.
 */
export function renderForm(form, docName, doc, { title, hidden = new Set(), onEdit }) {
  /** The keys of an object still shown here. */
  const shown = (path, value) => Object.keys(value).filter((k) => !FIXED.has(k) && !hidden.has(`${path}.${k}`));
  const general = el('fieldset', { class: 'group' }, el('legend', { text: title }));
  const blocks = [];
  for (const [key, value] of Object.entries(doc)) {
    if (FIXED.has(key) || hidden.has(key)) continue;
    if (typeof value === 'object' && value !== null) blocks.push(block(key, value));
    else general.append(field(key, value));
  }
  form.append(...(general.children.length > 1 ? [general] : []), ...blocks);

  function block(path, value) {
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return field(path, value);
    // A fact whose source is shown elsewhere ({text, source}): one field, named after the fact.
    const keys = !Array.isArray(value) && shown(path, value);
    if (keys && keys.length === 1 && typeof value[keys[0]] !== 'object') {
      const only = `${path}.${keys[0]}`;
      return field(only, value[keys[0]], keys[0] === 'text' ? labelFor(path) : `${labelFor(path)}: ${labelFor(only)}`);
    }
    const box = el('fieldset', { class: 'group' }, el('legend', { text: labelFor(path) }));
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        const itemPath = `${path}[${i}]`;
        const only = shown(itemPath, item);
        if (only.length === 1 && typeof item[only[0]] !== 'object') {
          box.append(field(`${itemPath}.${only[0]}`, item[only[0]], `${labelFor(path)}, ${i + 1}`));
          return;
        }
        const details = el('details', { 'data-doc': docName, 'data-path': itemPath }, el('summary', { text: itemTitle(item, i) }));
        fill(details, itemPath, item);
        box.append(details);
      });
    } else {
      fill(box, path, value);
    }
    return box;
  }

  function fill(parent, path, value) {
    for (const [key, v] of Object.entries(value)) {
      const p = `${path}.${key}`;
      if (FIXED.has(key) || hidden.has(p)) continue;
      parent.append(
        typeof v === 'object' && v !== null && !Array.isArray(v)
          ? block(p, v)
          : Array.isArray(v) && !v.every((x) => typeof x === 'string')
            ? block(p, v)
            : field(p, v),
      );
    }
  }

  function field(path, value, label = labelFor(path)) {
    const id = `f${++uid}`;
    const data = { id, name: path, 'data-doc': docName, 'data-path': path };
    let input;
    if (typeof value === 'boolean') {
      input = el('input', { ...data, type: 'checkbox', role: 'switch', checked: value });
      input.checked = value;
    } else if (typeof value === 'number') {
      const follows = FOLLOWS[pathKey(path)];
      input = el('input', { ...data, type: 'number', step: 1, inputmode: 'numeric', value, readonly: Boolean(follows) });
      if (follows) label = `${label} (${follows})`;
    } else if (Array.isArray(value)) {
      input = el('textarea', { ...data, rows: Math.min(8, Math.max(2, value.length)) });
      input.value = value.join('\n');
    } else if (String(value).length > LONG_TEXT) {
      input = el('textarea', { ...data, rows: 3 });
      input.value = value;
    } else {
      input = el('input', { ...data, type: 'text', value });
    }
    const kind = typeof value === 'boolean' ? 'boolean' : typeof value === 'number' ? 'number' : Array.isArray(value) ? 'lines' : 'text';
    if (kind === 'lines') label = `${label} (one per line)`;
    input.addEventListener(kind === 'boolean' ? 'change' : 'input', () => onEdit(docName, path, readValue(input, kind)));
    return el('p', { class: `field ${kind}` }, el('label', { for: id, text: label }), input);
  }
}

/** The value to store: numbers as numbers (an empty or partial number is kept as typed, for the schema to name). */
function readValue(input, kind) {
  if (kind === 'boolean') return input.checked;
  if (kind === 'lines')
    return input.value
      .split('\n')
      .map((s) => s.trim())
      .filter((s) => s !== '');
  if (kind === 'number') return input.value === '' || Number.isNaN(input.valueAsNumber) ? input.value : input.valueAsNumber;
  return input.value;
}

/** The form control for a path, or for the nearest enclosing path that has one (a synonym → its list). */
export function controlFor(root, docName, path) {
  for (let p = path; p !== ''; p = p.replace(/(\.[^.[\]]+|\[\d+\])$/, '')) {
    const found = root.querySelector(`[data-doc="${docName}"][data-path="${CSS.escape(p)}"]`);
    if (found) return found;
    if (!/(\.[^.[\]]+|\[\d+\])$/.test(p)) break;
  }
  return null;
}

/** "Activities › makeup (through day 2) › Restricted through day (0 = never)": the field as the page names it. */
export function breadcrumb(control) {
  const parts = [];
  const label = control.id ? document.querySelector(`label[for="${control.id}"]`) : null;
  if (label) parts.unshift(label.textContent);
  for (let n = control.parentElement; n; n = n.parentElement) {
    if (n.tagName === 'DETAILS') parts.unshift(n.querySelector('summary').textContent);
    if (n.tagName === 'FIELDSET') parts.unshift(n.querySelector('legend').textContent);
  }
  return parts.join(' › ');
}
