// Preloaded (node --import) into a process the benchmarks time as a whole: at exit it writes the process's peak
// RSS in MB to the file named by LIANXI_RSS_OUT.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  const out = process.env['LIANXI_RSS_OUT'];
  if (out) writeFileSync(out, String(process.resourceUsage().maxRSS / 1024));
});
