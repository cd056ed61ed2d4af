// Where a process's CPU went, from a dotnet-trace `dotnet-sampled-thread-time` capture exported as speedscope
// (`--format Speedscope`): only time whose stack ends in CPU_TIME counts (the rest is threads waiting). Prints the
// share of CPU by area (inclusive: any frame of the area on the stack; exclusive: the area of the innermost frame) and
// the innermost frames that took the most, as markdown.
//   node bench/js/profile-summary.mjs trace.speedscope.json [top=25]
import { forEachCpuSample, readCpuProfile } from './speedscope-cpu.mjs';

const [file, topArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: node bench/js/profile-summary.mjs trace.speedscope.json [top]');
  process.exit(2);
}
const top = Number(topArg ?? 25);
const profile = readCpuProfile(file);
const { trace, names, cpuFrame } = profile;

// First match wins: the order puts our code and the libraries we choose before the runtime underneath them.
const areas = [
  // Telemetry first, so that our own instrumentation (OperationTelemetry, SQL spans) counts as telemetry, not as ours.
  ['Telemetry (OpenTelemetry, activities, meters)', /^OpenTelemetry\.|^System\.Diagnostics\.(Activity|DiagnosticListener|DiagnosticSource|Metrics)|OperationTelemetry|SqliteStatementSpans|SqlSpanRedaction|^Azure\.Monitor\./],
  ['OrleansShop (ours)', /^OrleansShop\./],
  ['HotChocolate', /^HotChocolate\./],
  ['GreenDonut (DataLoader)', /^GreenDonut\./],
  ['Orleans', /^Orleans\./],
  ['Logging', /^Microsoft\.Extensions\.Logging/],
  ['ASP.NET Core / Kestrel', /^Microsoft\.AspNetCore\./],
  ['Dependency injection', /^Microsoft\.Extensions\.DependencyInjection/],
  ['System.Text.Json', /^System\.Text\.Json/],
  ['Threads and tasks', /^System\.Threading\./],
  ['GC and allocation', /PollGC|GCHeap|gc_heap|JIT_New|AllocateObject|RhpNew|WKS::|SVR::/],
];
const areaOf = (name) => (areas.find(([, pattern]) => pattern.test(name)) ?? ['other'])[0];

let total = 0;
const exclusive = new Map();
const inclusive = new Map();
const areaExclusive = new Map();
const add = (map, key, value) => map.set(key, (map.get(key) ?? 0) + value);

forEachCpuSample(profile, (span, stack) => {
  total += span;
  const leaf = stack.length > 1 ? stack[stack.length - 2] : cpuFrame;
  add(exclusive, names[leaf], span);
  add(areaExclusive, areaOf(names[leaf]), span);
  const seen = new Set();
  for (const frame of stack) seen.add(areaOf(names[frame]));
  for (const area of seen) add(inclusive, area, span);
});

const percent = (value) => (100 * value / total).toFixed(1) + '%';
const unit = trace.profiles[0]?.unit ?? 'milliseconds';
console.log(`CPU sampled: ${Math.round(total)} ${unit} in ${trace.profiles.length} threads.\n`);
console.log('| area | inclusive | exclusive |');
console.log('|---|---:|---:|');
for (const [area] of [...areas, ['other']]) {
  if (inclusive.has(area) || areaExclusive.has(area)) {
    console.log(`| ${area} | ${percent(inclusive.get(area) ?? 0)} | ${percent(areaExclusive.get(area) ?? 0)} |`);
  }
}
console.log(`\n| innermost frame (top ${top}) | CPU |`);
console.log('|---|---:|');
for (const [name, value] of [...exclusive].sort((a, b) => b[1] - a[1]).slice(0, top)) {
  console.log(`| \`${name.length > 140 ? name.slice(0, 137) + '...' : name}\` | ${percent(value)} |`);
}
