// The CPU samples of a dotnet-trace `dotnet-sampled-thread-time` capture exported as speedscope (`--format Speedscope`),
// shared by bench/js/profile-summary.mjs and bench/js/profile-share.mjs: only time whose stack ends in the CPU_TIME frame
// is CPU (the rest is threads waiting). Frame names lose their module prefix ("Module!Name" becomes "Name").
import fs from 'node:fs';

export function readCpuProfile(file) {
  const trace = JSON.parse(fs.readFileSync(file, 'utf8'));
  const names = trace.shared.frames.map((f) => f.name.replace(/^[^!]*!/, ''));
  const cpuFrame = names.indexOf('CPU_TIME');
  if (cpuFrame < 0) throw new Error('No CPU_TIME frame: was the trace taken with --profile dotnet-sampled-thread-time?');
  return { trace, names, cpuFrame };
}

// Calls visit(span, stack) for each stretch of CPU time, stack being frame indexes from the outermost to CPU_TIME.
export function forEachCpuSample({ trace, cpuFrame }, visit) {
  for (const profile of trace.profiles) {
    const stack = [];
    let last = profile.startValue;
    const account = (until) => {
      const span = until - last;
      last = until;
      if (span > 0 && stack.length > 0 && stack[stack.length - 1] === cpuFrame) visit(span, stack);
    };
    for (const event of profile.events) {
      account(event.at);
      if (event.type === 'O') stack.push(event.frame);
      else stack.pop();
    }
    account(profile.endValue);
  }
}
