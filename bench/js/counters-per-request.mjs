// Per-request figures from a dotnet-counters CSV (System.Runtime, one row per counter per interval) and the load run
// it covered (a line of bench/js/load.mjs output): each rate counter is summed over its intervals and divided by the
// requests those intervals saw (the run's req/s times the seconds covered).
//   node bench/js/counters-per-request.mjs counters.csv '{"requestsPerSecond":1234,...}'
import { readFileSync } from 'node:fs';

const [csvPath, loadLine] = process.argv.slice(2);
const load = JSON.parse(loadLine);
const rows = readFileSync(csvPath, 'utf8').trim().split('\n').slice(1).map((line) => {
  const cells = line.split(',');
  return { time: cells[0], name: cells[2], value: Number(cells[cells.length - 1]) };
});
const seconds = new Set(rows.map((r) => r.time)).size; // one row per counter per 1 s interval
const sum = (prefix) => rows.filter((r) => r.name.startsWith(prefix)).reduce((n, r) => n + r.value, 0);
const requests = load.requestsPerSecond * seconds;
console.log(JSON.stringify({
  seconds,
  requestsPerSecond: load.requestsPerSecond,
  allocatedBytesPerRequest: Math.round(sum('dotnet.gc.heap.total_allocated') / requests),
  gen0PerThousandRequests: +(1000 * sum('dotnet.gc.collections ({collection} / 1 sec)[gc.heap.generation=gen0]') / requests).toFixed(3),
  gen1PerThousandRequests: +(1000 * sum('dotnet.gc.collections ({collection} / 1 sec)[gc.heap.generation=gen1]') / requests).toFixed(3),
  gcPauseMsPerThousandRequests: +(1e6 * sum('dotnet.gc.pause.time') / requests).toFixed(2),
  lockContentionsPerThousandRequests: +(1000 * sum('dotnet.monitor.lock_contentions') / requests).toFixed(2),
  workItemsPerRequest: +(sum('dotnet.thread_pool.work_item.count') / requests).toFixed(2),
  cpuMsPerRequest: +(1000 * sum('dotnet.process.cpu.time') / requests).toFixed(3),
}));
