// One cold start: load a bundle, answer one request, exit. argv[2] = bundle path; BENCH_EVENT = envelope JSON;
// BENCH_EXPECT = words the answer must contain. Exits 0 only for that answer, so a bundle that fails —
// or answers with an apology because the store was unreachable — can never look fast.
// BENCH_REPORT=1 prints the phases (ms since the process started) and the peak RSS.
const { performance } = require('node:perf_hooks');
const started = performance.now();
const bundle = require(process.argv[2]);
const loaded = performance.now();
const event = JSON.parse(process.env.BENCH_EVENT);
const expected = process.env.BENCH_EXPECT || '';
// The skill answers with SSML; the Alexa+ add-on (dist/mcp.js) with an HTTP result whose body is the tool's JSON.
const speech = (res) => (res && res.response && res.response.outputSpeech && res.response.outputSpeech.ssml) || (res && res.statusCode === 200 && res.body) || '';
const done = (res) => {
  const answered = performance.now();
  if (process.env.BENCH_REPORT) {
    const phases = { node: started, load: loaded - started, request: answered - loaded };
    const { userCPUTime, systemCPUTime, maxRSS } = process.resourceUsage();
    // Whether the bundle's loader found its V8 code cache (scripts/codeCache.js); undefined for a bare bundle.
    const codeCache = globalThis[Symbol.for('aftercare.codeCache')]?.used;
    process.stdout.write(`${JSON.stringify({ phases, cpuMs: (userCPUTime + systemCPUTime) / 1000, maxRssKb: maxRSS, codeCache })}\n`);
  }
  process.exit(speech(res).includes(expected) && speech(res) !== '' ? 0 : 2);
};
const result = bundle.handler(event, {}, (err, res) => (err ? process.exit(3) : done(res)));
if (result && typeof result.then === 'function') result.then(done, () => process.exit(3));
