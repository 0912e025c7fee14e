/**
 * The agents' side of the collector's million benchmark (bench-collector.ts), in a process of its own: it reads the
 * statistics in a loop and exports every row, from its first line on standard input until the export is done and its
 * standard input closes (the writes' phase is over). Apart, so that reading 165 MB and hundreds of statistics a second
 * does not slow the event loop of autocannon, which measures the writes' latency. Prints « ready », then one JSON line:
 * statistics times, export figures.
 *
 *   node --import tsx scripts/bench-collector-agent.ts <service url> <operator token>
 */
import process from 'node:process';

const [url, token] = process.argv.slice(2);
const headers = { authorization: `Bearer ${token}` };
const filters = ['', '?procedure=procedure-7', `?from=${new Date(Date.now() - 30 * 86400_000).toISOString().slice(0, 10)}`, '?procedure=procedure-3&from=2020-01-01&to=2099-12-31'];

// Started before the measured phase, it says it is ready and waits for its first line, so that starting a process
// (and compiling TypeScript) is not measured as the agents' reading.
let writing = true;
process.stdin.setEncoding('utf8');
const go = new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
process.stdin.on('end', () => (writing = false));
process.stdout.write('ready\n');
await go;

let exporting = true;
const exportRun = (async () => {
  const t = performance.now();
  const response = await fetch(`${url}/api/v1/export.csv`, { headers });
  let bytes = 0;
  let lines = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.length;
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
  }
  exporting = false;
  return { status: response.status, seconds: (performance.now() - t) / 1000, bytes, rows: lines - 1 };
})();

const statsTimes: number[] = [];
for (let i = 0; writing || exporting; i++) {
  const t = performance.now();
  const response = await fetch(`${url}/api/v1/stats${filters[i % filters.length]}`, { headers });
  await response.arrayBuffer();
  if (response.status === 200) statsTimes.push(performance.now() - t);
}
// Exits once the line is written (a pipe is written asynchronously); the client's idle connections would keep it up.
process.stdout.write(`${JSON.stringify({ statsTimes, exported: await exportRun })}\n`, () => process.exit(0));
