// One cold start: load a bundle, answer one request, exit. argv[2] = bundle path; BENCH_EVENT = envelope JSON;
// BENCH_EXPECT = words the answer must contain. Exits 0 only for that answer, so a bundle that fails —
// or answers with an apology because the store was unreachable — can never look fast.
const bundle = require(process.argv[2]);
const event = JSON.parse(process.env.BENCH_EVENT);
const expected = process.env.BENCH_EXPECT || '';
// The skill answers with SSML; the Alexa+ add-on (dist/mcp.js) with an HTTP result whose body is the tool's JSON.
const speech = (res) => (res && res.response && res.response.outputSpeech && res.response.outputSpeech.ssml) || (res && res.statusCode === 200 && res.body) || '';
const done = (res) => {
  if (process.env.BENCH_REPORT_RSS) process.stdout.write(`maxRSS ${process.resourceUsage().maxRSS}\n`);
  process.exit(speech(res).includes(expected) && speech(res) !== '' ? 0 : 2);
};
const result = bundle.handler(event, {}, (err, res) => (err ? process.exit(3) : done(res)));
if (result && typeof result.then === 'function') result.then(done, () => process.exit(3));
