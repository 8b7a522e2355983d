// The recovery at a glance, drawn as plain SVG: days across, the phases shaded behind, one bar per
// restriction ending at its first free day, the follow-up day, and the mornings with a reminder.

const NS = 'http://www.w3.org/2000/svg';
const LEFT = 130;
const COL = 27;
const ROW = 24;
const RIGHT = 150;

export const shortDate = (iso) =>
  new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-US', { timeZone: 'UTC', weekday: 'short', month: 'short', day: 'numeric' });

/** With the year, for what is printed and kept: "Friday, November 20, 2026". */
export const longDate = (iso) =>
  new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-US', {
    timeZone: 'UTC',
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  });

const svgEl = (tag, attrs = {}, text) => {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
};

/** Draws `t` (the server's timeline) with `selected` marked; `onPick(day)` when a day is clicked. */
export function drawTimeline(container, t, selected, onPick) {
  const days = t.days.length;
  const x = (day) => LEFT + (day - 1) * COL;
  const top = 58;
  const rows = t.bars.length;
  const reminderY = top + rows * ROW + 14;
  const height = reminderY + 46;
  const width = LEFT + days * COL + RIGHT;
  const svg = svgEl('svg', { viewBox: `0 0 ${width} ${height}`, width: '100%', 'aria-hidden': 'true', class: 'chart' });
  // Never drawn smaller than its own size, so its 11 px text stays 11 px; a narrow screen scrolls the chart alone.
  svg.style.minWidth = `${width}px`;

  // Phases: shaded bands behind everything, named along the top.
  t.phases.forEach((p, i) => {
    svg.append(svgEl('rect', { x: x(p.fromDay), y: 0, width: (p.toDay - p.fromDay + 1) * COL, height, class: `phase phase-${i % 6}` }));
    // A name only where it fits; the legend under the chart names every phase.
    const span = (p.toDay - p.fromDay + 1) * COL;
    if (p.id.length * 6.5 < span) svg.append(svgEl('text', { x: x(p.fromDay) + 3, y: 13, class: 'phase-name' }, p.id));
  });

  // The selected day, behind the bars.
  svg.append(svgEl('rect', { x: x(selected), y: 20, width: COL, height: height - 20, class: 'selected' }));

  // Day numbers, and the date at the start of each week.
  for (const d of t.days) {
    svg.append(svgEl('text', { x: x(d.day) + COL / 2, y: 32, class: 'day-number', 'text-anchor': 'middle' }, String(d.day)));
    if ((d.day - 1) % 7 === 0) svg.append(svgEl('text', { x: x(d.day) + 2, y: 48, class: 'week-date' }, shortDate(d.date)));
  }
  svg.append(svgEl('text', { x: 4, y: 32, class: 'axis' }, 'day'));

  // One bar per restriction: day 1 through its last day; the first free day and date after it.
  t.bars.forEach((b, i) => {
    const y = top + i * ROW;
    const through = Math.min(b.throughDay, days);
    svg.append(svgEl('text', { x: 4, y: y + 15, class: 'bar-name' }, b.name));
    svg.append(svgEl('rect', { x: x(1) + 1, y: y + 4, width: through * COL - 2, height: ROW - 8, rx: 4, class: `bar ${b.kind}` }));
    const label =
      b.kind === 'limit'
        ? `extra care ends · day ${b.firstFreeDay} · ${shortDate(b.firstFreeDate)}`
        : `free day ${b.firstFreeDay} · ${shortDate(b.firstFreeDate)}`;
    const past = b.throughDay >= days;
    svg.append(
      svgEl('text', { x: past ? x(days) + COL + 4 : x(b.firstFreeDay) + 4, y: y + 15, class: 'bar-end' }, past ? `→ ${label}` : label),
    );
  });

  // The follow-up day: a line across the chart.
  if (t.followUp.day <= days) {
    const fx = x(t.followUp.day) + COL / 2;
    svg.append(svgEl('line', { x1: fx, x2: fx, y1: 20, y2: reminderY - 8, class: 'follow-up' }));
    svg.append(
      svgEl(
        'text',
        { x: fx + 4, y: reminderY - 10, class: 'follow-up-label' },
        `follow-up from day ${t.followUp.day} · ${shortDate(t.followUp.date)}`,
      ),
    );
  }

  // Morning reminders: a dot each briefing morning, a diamond for a milestone of its own.
  svg.append(svgEl('text', { x: 4, y: reminderY + 15, class: 'bar-name' }, 'morning reminders'));
  for (const r of t.reminders) {
    if (r.day > days) continue;
    const cx = x(r.day) + COL / 2;
    const cy = reminderY + 11;
    svg.append(
      r.daily
        ? svgEl('circle', { cx, cy, r: 5, class: 'reminder' })
        : svgEl('rect', { x: cx - 5, y: cy - 5, width: 10, height: 10, transform: `rotate(45 ${cx} ${cy})`, class: 'reminder milestone' }),
    );
  }

  // A click target per day.
  for (const d of t.days) {
    const hit = svgEl('rect', { x: x(d.day), y: 0, width: COL, height, class: 'hit', 'data-day': d.day });
    hit.addEventListener('click', () => onPick(d.day));
    svg.append(hit);
  }
  const legend = document.createElement('p');
  legend.className = 'legend';
  legend.textContent = `Phases: ${t.phases.map((p) => `${p.fromDay === p.toDay ? `day ${p.fromDay}` : `days ${p.fromDay}–${p.toDay}`} ${p.id}`).join(' · ')}`;
  container.replaceChildren(svg, legend);
}
