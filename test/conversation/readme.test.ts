import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { instantAt } from '../../tools/simulator';
import { newAccount } from '../support/patients';
import { startSkillHarness, type SkillHarness } from '../support/skillHarness';
import { talk } from '../support/talk';

/** The README's sample dialogue and `npm start` options are what the simulator really does and takes. */
const root = join(__dirname, '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const section = (title: string) => readme.slice(readme.indexOf(title), readme.indexOf('\n## ', readme.indexOf(title) + 1));

let h: SkillHarness;
beforeAll(async () => {
  h = await startSkillHarness();
});
afterAll(() => h.stop());

/** The dialogue's turns: what the user says and the whole answer (continuation lines joined). */
function sampleTurns(): { said: string; heard: string }[] {
  const block = /```\n([\s\S]*?)```/.exec(section('## Sample dialogue'))?.[1] ?? '';
  const turns: { said: string; heard: string }[] = [];
  let current: { said: string; heard: string } | undefined;
  for (const line of block.split('\n')) {
    if (line.startsWith('U: ')) turns.push((current = { said: line.slice(3), heard: '' }));
    else if (current && (line.startsWith('A: ') || line.startsWith('   '))) current.heard = `${current.heard} ${line.slice(3)}`.trim();
  }
  return turns;
}

test('the sample dialogue is what the skill says, turn by turn', async () => {
  const now = /npm start -- --now (\S+)`/.exec(section('## Sample dialogue'))?.[1] ?? '';
  const start = instantAt(now, 'America/Los_Angeles');
  expect(start).toBeDefined();
  h.api.reminders.reset();
  const patient = talk(h, { userId: newAccount('README-'), at: start?.toISOString() });
  const turns = sampleTurns();
  expect(turns.length).toBeGreaterThan(8);
  for (const { said, heard } of turns) {
    const words = said.replace(/^Alexa, /, '').replace(/[?]$/, '');
    let speech: string;
    if (words === '(silence)') {
      const silence = await patient.silence();
      speech = silence.kind === 'reprompt' ? silence.speech : `(${silence.kind})`;
    } else {
      speech = (await patient.say(words)).speech;
    }
    expect({ said, speech }).toEqual({ said, speech: heard });
  }
});

test('every npm start option is in the README, and the README names no other', () => {
  const usage = readFileSync(join(root, 'scripts', 'talk.ts'), 'utf8');
  const declared = new Set([...(/const USAGE = `([\s\S]*?)`;/.exec(usage)?.[1] ?? '').matchAll(/^\s+(--[a-z-]+)/gm)].map((m) => m[1]));
  const paragraph = /Options: ([\s\S]*?)\n\n/.exec(readme)?.[1] ?? '';
  const documented = new Set([...paragraph.matchAll(/`(--[a-z-]+)/g)].map((m) => m[1]));
  expect(declared.size).toBeGreaterThan(8);
  expect([...documented].sort()).toEqual([...declared].sort());
});
