// One cold start: load a bundle, answer one request, exit. argv[2] = bundle path; BENCH_EVENT = envelope JSON.
// Exits 0 only when the answer has speech, so a broken bundle can never look fast.
const bundle = require(process.argv[2]);
const event = JSON.parse(process.env.BENCH_EVENT);
const done = (res) => process.exit(res && res.response && res.response.outputSpeech ? 0 : 2);
const result = bundle.handler(event, {}, (err, res) => (err ? process.exit(3) : done(res)));
if (result && typeof result.then === 'function') result.then(done, () => process.exit(3));
