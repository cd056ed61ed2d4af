// The share of a process's working CPU that frames matching a pattern took, from a dotnet-trace
// `dotnet-sampled-thread-time` capture exported as speedscope (as bench/js/profile-summary.mjs reads). "Working" leaves out
// samples whose innermost frame is a thread-pool worker waiting or spinning for work (on a loaded machine those are a
// large and variable part of the samples, and no request's work). A sample counts for the pattern when its owner matches:
// the innermost frame that is not the base library's (System.*, except System.Diagnostics' activities and meters, which
// are telemetry), so a wrapper (a middleware or grain-call filter enclosing the call) owns only its own work. Samples in
// a GC poll (a collection, whoever allocated) are owned by "GC" and never match: the GC work telemetry's allocations cause
// is not in the share.
//   node bench/js/profile-share.mjs trace.speedscope.json '^OpenTelemetry\.|^System\.Diagnostics\.(Activity|Metrics)'
import { forEachCpuSample, readCpuProfile } from './speedscope-cpu.mjs';

const [file, pattern] = process.argv.slice(2);
if (!file || !pattern) {
  console.error('usage: node bench/js/profile-share.mjs trace.speedscope.json PATTERN');
  process.exit(2);
}
const library = /^System\.(?!Diagnostics\.(Activity|DiagnosticListener|DiagnosticSource|Metrics))|^Microsoft\.Win32|^Interop|^\?$/;
const profile = readCpuProfile(file);
const { names } = profile;
const idle = /LowLevelLifoSemaphore\.Wait|WorkerThread\.WorkerThreadStart|WaitHandle\.Wait|Monitor\.Wait\(|SpinWait\.SpinOnce|WaitOneNoCheck|WaitMultiple|^\?$/;
const matches = new RegExp(pattern);
let all = 0, working = 0, matched = 0;
forEachCpuSample(profile, (span, stack) => {
  all += span;
  const leaf = stack.length > 1 ? names[stack[stack.length - 2]] : 'CPU_TIME';
  if (idle.test(leaf)) return;
  working += span;
  for (let i = stack.length - 2; i >= 0; i--) {
    const name = names[stack[i]];
    if (/PollGC/.test(name)) break;
    if (library.test(name)) continue;
    if (matches.test(name)) matched += span;
    break;
  }
});
console.log(JSON.stringify({ sampledMs: Math.round(all), workingMs: Math.round(working), matchedMs: Math.round(matched),
  shareOfWorking: +(matched / working).toFixed(4), workingShareOfAll: +(working / all).toFixed(3) }));
