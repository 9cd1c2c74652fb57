// Preloaded into a benchmarked process: prints its peak resident memory and processor time when it exits.
process.on('exit', () => {
  const u = process.resourceUsage();
  process.stderr.write(`\nbench-usage ${u.maxRSS} ${u.userCPUTime + u.systemCPUTime}\n`);
});
