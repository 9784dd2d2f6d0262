// Mozilla's HTTP Observatory (npm @mdn/mdn-http-observatory), offline, on one page of a local
// server: the package's CLI only takes a hostname, so this runs the same scan with a port and a
// path. Usage: node observatory.mjs OBSERVATORY_DIR HOST HTTPS_PORT PATH...
// Prints one line per path: grade, score, tests passed, path; exits 1 unless every grade is A+.
import path from "node:path";
import { pathToFileURL } from "node:url";

const [dir, host, httpsPort, ...paths] = process.argv.slice(2);
const src = path.join(dir, "node_modules", "@mdn", "mdn-http-observatory", "src");
const load = (file) => import(pathToFileURL(path.join(src, file)).href);
const { retrieve } = await load("retriever/retriever.js");
const { ALL_TESTS, NUM_TESTS } = await load("constants.js");
const { MINIMUM_SCORE_FOR_EXTRA_CREDIT } = await load("grader/charts.js");
const { getGradeForScore, getScoreModifier } = await load("grader/grader.js");

let allAPlus = true;
for (const pagePath of paths) {
  // No plain-HTTP port: the site is only served over TLS here (HTTP redirects are the proxy's job).
  const r = await retrieve(host, { httpsPort, httpPort: "1", path: pagePath });
  if (!r.responses.auto) {
    console.log(`ERROR  could not fetch ${pagePath}`);
    allAPlus = false;
    continue;
  }
  let withExtra = 100;
  let uncurved = 100;
  let passed = 0;
  const failed = [];
  for (const test of ALL_TESTS) {
    const result = test(r);
    const modifier = getScoreModifier(result.result);
    withExtra += modifier;
    if (modifier < 0) uncurved += modifier;
    if (result.pass) passed += 1;
    else failed.push(`${result.constructor.name}: ${result.result}`);
  }
  const score = uncurved >= MINIMUM_SCORE_FOR_EXTRA_CREDIT ? withExtra : uncurved;
  const { grade } = getGradeForScore(score);
  if (grade !== "A+") allAPlus = false;
  console.log(
    `${grade.padEnd(3)} ${String(score).padStart(4)}/100  ${passed}/${NUM_TESTS} tests  ` +
      `HTTP ${r.responses.auto.status}  ${pagePath}` + (failed.length ? `  (failed: ${failed.join("; ")})` : ""),
  );
}
process.exit(allAPlus ? 0 : 1);
