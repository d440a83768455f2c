// MDN's HTTP Observatory scan of one address of the local site, with the package's own tests
// and grader (@mdn/mdn-http-observatory, src/scanner/index.js), which its command line runs
// only against ports 80 and 443 of a host name. Here the ports, the path and the request
// headers (a session cookie, for the admin) are passed to its retriever; everything else is the
// scanner's code.
//
//   node scan.mjs <host> <httpPort> <httpsPort> <path> [header ...]
//
// Prints the scan as JSON, like `mdn-http-observatory-scan` does.
import { retrieve } from "@mdn/mdn-http-observatory/src/retriever/retriever.js";
import { ALL_TESTS, ALGORITHM_VERSION, NUM_TESTS } from "@mdn/mdn-http-observatory/src/constants.js";
import { MINIMUM_SCORE_FOR_EXTRA_CREDIT } from "@mdn/mdn-http-observatory/src/grader/charts.js";
import { getGradeForScore, getScoreModifier } from "@mdn/mdn-http-observatory/src/grader/grader.js";

const [host, httpPort, httpsPort, path, ...headers] = process.argv.slice(2);
const options = { httpPort, httpsPort, path };
if (headers.length) options.headers = [
  "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
  ...headers,
];

const r = await retrieve(host, options);
if (!r.responses.auto) {
  console.log(JSON.stringify({ error: "The site seems to be down." }));
  process.exit(1);
}
const results = ALL_TESTS.map((test) => test(r));
let passed = 0;
let withExtraCredit = 100;
let uncurved = 100;
const tests = {};
for (const result of results) {
  if (!result.result) continue;
  const modifier = getScoreModifier(result.result);
  passed += result.pass ? 1 : 0;
  withExtraCredit += modifier;
  if (modifier < 0) uncurved += modifier;
  tests[result.constructor.name] = { result: result.result, pass: result.pass, modifier };
}
const score = uncurved >= MINIMUM_SCORE_FOR_EXTRA_CREDIT ? withExtraCredit : uncurved;
const final = getGradeForScore(score);
console.log(JSON.stringify({
  scan: {
    algorithmVersion: ALGORITHM_VERSION,
    grade: final.grade,
    score: final.score,
    statusCode: r.responses.auto.status,
    finalUrl: r.session?.redirectHistory?.at(-1)?.url?.href ?? null,
    testsPassed: passed,
    testsQuantity: NUM_TESTS,
  },
  tests,
}, null, 2));
