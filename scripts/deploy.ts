/**
 * `npm run deploy [-- --allow-unreviewed]`: refuses while any care fact is unreviewed by the clinic or a
 * clinic field (or the manifest) still holds a template placeholder, naming each; then builds and runs
 * `ask deploy`. `--allow-unreviewed` lets unreviewed facts through (printing them), never placeholders.
 * `--check` runs only the gate (no build, no network).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { defaultProtocol } from '../lambda/protocol/load';
import { factLine, reviewForDeploy } from '../lambda/protocol/review';
import { recordDeployed } from '../studio/deployed';

const root = path.join(__dirname, '..');
const args = new Set(process.argv.slice(2));
const allowUnreviewed = args.has('--allow-unreviewed');

const manifest = JSON.parse(readFileSync(path.join(root, 'skill-package/skill.json'), 'utf8'));
const review = reviewForDeploy(defaultProtocol(), manifest);

if (review.unreviewed.length > 0) {
  console.log(`${review.unreviewed.length} care facts are not reviewed by the clinic yet:`);
  for (const f of review.unreviewed) console.log(factLine(f));
}
for (const p of review.problems) console.log(`not ready: ${p}`);

const blockedByFacts = review.unreviewed.length > 0 && !allowUnreviewed;
if (blockedByFacts || review.problems.length > 0) {
  console.error(
    `\nDeploy refused: ${[
      blockedByFacts
        ? `${review.unreviewed.length} unreviewed facts (review them in lambda/protocol/default-protocol.json, or pass --allow-unreviewed)`
        : '',
      review.problems.length > 0 ? `${review.problems.length} placeholders or mismatches` : '',
    ]
      .filter(Boolean)
      .join(' and ')}.`,
  );
  process.exit(1);
}
if (review.unreviewed.length > 0) console.log('\n--allow-unreviewed: deploying with the facts above unreviewed.');
if (args.has('--check')) {
  console.log('Deploy gate passed.');
  process.exit(0);
}

const run = (command: string, commandArgs: string[], env: NodeJS.ProcessEnv = process.env) => {
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
run('npm', ['run', 'build']);
run('npx', ['ask', 'deploy'], { ...process.env, ASK_SHARE_USAGE: 'false' });
// The studio tells "saved" from "what patients hear" by this note.
recordDeployed().catch((e: unknown) =>
  console.error(`deployed, but the studio's note of it failed: ${e instanceof Error ? e.message : e}`),
);
