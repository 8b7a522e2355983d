#!/usr/bin/env node
// `npm run fixtures:sync`: after changing the shipped defaults on purpose, copy them to the frozen test
// protocol (test/fixtures/) that behaviour tests run on; then update the transcripts that change.
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
for (const [from, to] of [
  ['lambda/protocol/default-protocol.json', 'test/fixtures/protocol.json'],
  ['lambda/protocol/clinic.json', 'test/fixtures/clinic.json'],
]) {
  fs.copyFileSync(path.join(root, from), path.join(root, to));
  console.log(`${from} → ${to}`);
}
