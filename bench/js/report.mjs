// Turns the raw results of bench/run-graphql.sh into a markdown report for bench/RESULTS.md: medians, ratios to the
// baseline measured in the same run, and each target met or missed. Usage: node report.mjs RESULTS_DIR
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

const dir = process.argv[2];
const lines = (file) => (existsSync(join(dir, file)) ? readFileSync(join(dir, file), 'utf8').split('\n').filter(Boolean) : []);
const jsonLines = (file) => lines(file).map((line) => JSON.parse(line));
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length === 0 ? NaN : sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const number = (value, digits = 0) => (Number.isFinite(value) ? value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : 'n/a');
const ratio = (value) => (Number.isFinite(value) ? `${value.toFixed(2)}x` : 'n/a');
const verdict = (ok) => (ok === undefined ? '' : ok ? 'met' : '**missed**');

// BenchmarkDotNet's full JSON report(s): median nanoseconds and bytes allocated per operation, by "Type.Method(Parameter)".
const bdn = new Map();
const resultsDir = join(dir, 'bdn', 'results');
if (existsSync(resultsDir)) {
  for (const file of readdirSync(resultsDir).filter((f) => f.endsWith('-report-full-compressed.json') || f.endsWith('-report-full.json'))) {
    const raw = readFileSync(join(resultsDir, file));
    const report = JSON.parse((raw[0] === 0x1f ? gunzipSync(raw) : raw).toString('utf8'));
    for (const b of report.Benchmarks) {
      const operation = /Operation=([\w-]+)/.exec(b.Parameters ?? '')?.[1];
      bdn.set(`${b.Type}.${b.Method}${operation ? `(${operation})` : ''}`, { ns: b.Statistics?.Median, bytes: b.Memory?.BytesAllocatedPerOperation });
    }
  }
}

const info = Object.fromEntries(lines('machine.txt').map((line) => line.split(/=(.*)/s).slice(0, 2)));
const out = [];
out.push(`## GraphQL benchmarks, ${info.date ?? ''}`);
out.push('');
out.push(`Machine: ${info.cpus ?? '?'} cores, ${info.cpu ?? ''}; .NET ${info.dotnet ?? '?'}, Node ${info.node ?? '?'}, graphql-js ${info.graphqljs ?? '?'}. `
  + `Load average (1 min) at the start of each phase: ${['build', 'micro', 'http', 'end'].map((p) => `${p} ${info[`load_${p}`] ?? '?'}`).join(', ')}.`);
out.push(`Command: \`${info.command ?? 'bench/run-graphql.sh'}\` at ${info.engine ?? 'an unrecorded commit'}. Every ratio compares figures measured in the same run.`);
out.push('');

// 1. In-process execution.
const jsExecute = new Map();
for (const row of jsonLines('execute-js.jsonl')) jsExecute.set(row.name, row.opsPerSecond);
out.push('### Execution of a cached, validated operation (in process)');
out.push('');
out.push(`Ours: BenchmarkDotNet (short job with ${info.bdnIterations ?? '?'} iterations, in process), median time per operation. graphql-js: \`execute\` on a pre-parsed, pre-validated document, median of timed rounds. Target: ours at least 3x.`);
out.push('');
out.push('| operation | ours ops/s | ours allocated | graphql-js ops/s | ratio | target 3x |');
out.push('|---|---:|---:|---:|---:|---|');
for (const [operation, json] of [['product-list', false], ['category-chain', false], ['introspection', false], ['typename', false], ['product-list', true], ['category-chain', true], ['introspection', true]]) {
  const ours = bdn.get(`ExecutionBenchmarks.${json ? 'Execute_and_write_json' : 'Execute'}(${operation})`);
  const oursOps = ours ? 1e9 / ours.ns : NaN;
  const theirs = jsExecute.get(json ? `${operation}+json` : operation) ?? NaN;
  const r = oursOps / theirs;
  out.push(`| ${operation}${json ? ' + JSON' : ''} | ${number(oursOps)} | ${ours ? `${number(ours.bytes / 1024, 1)} KB` : 'n/a'} | ${number(theirs)} | ${ratio(r)} | ${json || operation === 'typename' ? '' : verdict(Number.isFinite(r) ? r >= 3 : undefined)} |`);
}
out.push('');

// 2. Parsing (already benchmarked; listed for completeness).
const jsParse = new Map();
for (const line of lines('parse-js.txt')) {
  const match = /^(.+?)\s+median ([\d.]+) us\/op/.exec(line);
  if (match) jsParse.set(match[1].trim(), Number(match[2]) * 1000);
}
out.push('### Parsing');
out.push('');
out.push('| document | ours µs | ours allocated | graphql-js µs | ratio |');
out.push('|---|---:|---:|---:|---:|');
for (const [method, js] of [['Parse_kitchen_sink_utf8', 'kitchen-sink'], ['Parse_kitchen_sink_no_location', 'kitchen-sink noLocation'], ['Parse_schema_kitchen_sink_utf8', 'schema-kitchen-sink']]) {
  const ours = bdn.get(`ParsingBenchmarks.${method}`);
  const theirs = jsParse.get(js) ?? NaN;
  out.push(`| ${js} | ${number(ours ? ours.ns / 1000 : NaN, 2)} | ${ours ? `${number(ours.bytes / 1024, 1)} KB` : 'n/a'} | ${number(theirs / 1000, 2)} | ${ratio(theirs / (ours?.ns ?? NaN))} |`);
}
out.push('');

// 3. HTTP.
const load = jsonLines('load.jsonl');
const runs = new Map();
for (const row of load) {
  const key = `${row.server}/${row.operation}`;
  if (!runs.has(key)) runs.set(key, []);
  runs.get(key).push(row);
}
const summary = (server, operation) => {
  const rows = runs.get(`${server}/${operation}`) ?? [];
  return {
    runs: rows.length,
    rps: median(rows.map((r) => r.requestsPerSecond)),
    p99: median(rows.map((r) => r.latencyP99Ms)),
    all: rows.map((r) => r.requestsPerSecond).join(', '),
    failures: rows.reduce((sum, r) => sum + r.non2xx + r.errors + r.timeouts, 0),
  };
};
const same = lines('check-same.txt');
out.push('### End to end over HTTP (loopback)');
out.push('');
out.push(`autocannon ${info.autocannon ?? ''}, ${info.connections ?? 16} connections, POST application/json, ${info.warmup ?? '?'} s warm-up then ${info.duration ?? '?'} s, `
  + `${info.runs ?? '?'} runs per case interleaved; medians over runs. CPU pinning: ${info.pinning || 'none (the .NET server may use every core, Node uses one)'}. `
  + `Ours: OrleansShop.GraphQL.LoadServer (Release, logging off). Node: graphql-js + graphql-http \`createHandler\` on node:http (parses and validates every request). `
  + `Same answers from both servers: ${same.length === 0 ? 'not checked' : same.every((l) => !l.startsWith('DIFFERENT')) ? 'yes (' + same.join('; ') + ')' : '**NO** (' + same.filter((l) => /^(same|DIFFERENT)/.test(l)).join('; ') + ')'}.`);
out.push('');
out.push('| operation | ours req/s | ours p99 ms | Node req/s | Node p99 ms | ratio | target 5x and lower p99 | runs (ours / Node req/s) |');
out.push('|---|---:|---:|---:|---:|---:|---|---|');
for (const operation of ['productList', 'categoryChain', 'introspection']) {
  const ours = summary('ours', operation);
  const node = summary('node', operation);
  const r = ours.rps / node.rps;
  const failures = ours.failures + node.failures ? ` (${ours.failures + node.failures} failed requests)` : '';
  out.push(`| ${operation} | ${number(ours.rps)} | ${number(ours.p99)} | ${number(node.rps)} | ${number(node.p99)} | ${ratio(r)} | ${verdict(Number.isFinite(r) ? r >= 5 && ours.p99 < node.p99 : undefined)}${failures} | ${ours.all} / ${node.all} |`);
}
out.push('');
const graphql = summary('ours', 'typeName');
const bare = summary('bare', 'typeName');
const floor = graphql.rps / bare.rps;
out.push('### Floor: `{ __typename }` through /graphql versus a bare endpoint in the same process');
out.push('');
out.push('| endpoint | req/s | p99 ms | runs (req/s) |');
out.push('|---|---:|---:|---|');
out.push(`| POST /graphql \`{ __typename }\` | ${number(graphql.rps)} | ${number(graphql.p99)} | ${graphql.all} |`);
out.push(`| POST /bare (System.Text.Json parse, fixed response) | ${number(bare.rps)} | ${number(bare.p99)} | ${bare.all} |`);
out.push(`| ratio /graphql : /bare | ${ratio(floor)} | | target 0.50x: ${verdict(Number.isFinite(floor) ? floor >= 0.5 : undefined)} |`);
console.log(out.join('\n'));
