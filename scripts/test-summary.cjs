// Prints jest's totals as one plain line ("jest: N passed, N failed, N skipped") for CI.
const fs = require('node:fs');
const file = process.argv[2];
if (!fs.existsSync(file)) {
  console.log('jest: 0 passed, 1 failed (no results file: the suite did not run)');
  process.exit(1);
}
const r = JSON.parse(fs.readFileSync(file, 'utf8'));
console.log(`jest: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped`);
