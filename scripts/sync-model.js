#!/usr/bin/env node
// Writes the ActivityType (and SymptomType) slot values of every interaction model from the care protocol, so a clinic
// that adds a synonym to the protocol data hears it understood, and adds any missing carrier samples
// (scripts/model-carriers.js). `npm run model:sync`; a test checks they agree.
const fs = require('node:fs');
const path = require('node:path');
const { addCarriers } = require('./model-carriers');
const { OTHER_TOPIC_WORDS } = require('./model-grammar');

const root = path.join(__dirname, '..');
const protocol = require(path.join(root, 'lambda/protocol/default-protocol.json'));
const dir = path.join(root, 'skill-package/interactionModels/custom');

/**
 * The protocol's activities, then the words it answers the same every day (tanning, prescriptions) and
 * the grammar's words for topics it does not rule on, each once: Alexa fills the slot with them rather
 * than guess another intent, and the skill answers from the protocol (or says it has no guidance).
 */
function activityValues() {
  const values = protocol.activities.map((a) => ({ id: a.id, name: { value: a.synonyms[0], synonyms: a.synonyms.slice(1) } }));
  const seen = new Set(protocol.activities.flatMap((a) => a.synonyms.map((w) => w.toLowerCase())));
  const extra = [
    // A topic the article does not cover, each its own (issue 17): the skill names it and gives the clinic's phone.
    ...(protocol.notCovered ?? []).map((t) => [`notCovered_${t.name.replace(/[^a-z0-9]+/gi, '_')}`, t.words]),
    ['tanning', protocol.tanning.words],
    ['prescriptions', protocol.prescriptions.words],
    ['notInProtocol', OTHER_TOPIC_WORDS],
  ];
  for (const [id, list] of extra) {
    const fresh = list.filter((w) => !seen.has(w.toLowerCase()) && seen.add(w.toLowerCase()));
    if (fresh.length > 0) values.push({ id, name: { value: fresh[0], synonyms: fresh.slice(1) } });
  }
  return values;
}

/** Symptom words from the protocol (what the article calls normal, and the clinic's warning signs), for SymptomType. */
function symptomValues() {
  const s = protocol.symptoms;
  const words = [...s.normal.flatMap((n) => n.words), ...s.warningSigns.words];
  return [...new Set(words.map((w) => w.toLowerCase()))].map((w) => ({ id: w.replace(/[^a-z0-9]+/g, '_'), name: { value: w } }));
}

function syncAll() {
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const full = path.join(dir, file);
    const model = JSON.parse(fs.readFileSync(full, 'utf8'));
    const type = model.interactionModel.languageModel.types.find((t) => t.name === 'ActivityType');
    type.values = activityValues();
    addCarriers(model.interactionModel.languageModel);
    const symptoms = model.interactionModel.languageModel.types.find((t) => t.name === 'SymptomType');
    if (symptoms) symptoms.values = symptomValues();
    fs.writeFileSync(full, `${JSON.stringify(model, null, 2)}\n`);
    console.log(`synced ${type.values.length} activities into ${path.relative(root, full)}`);
  }
}

// Only when run as a script: the test that imports activityValues must compare, never rewrite.
if (require.main === module) syncAll();

module.exports = { activityValues, symptomValues };
