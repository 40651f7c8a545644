// Prints one closing line for the whole suite ("Tests: N passed, N failed, N skipped") from the
// JSON reports vitest and Playwright wrote, so CI can count what ran.
import { readFileSync } from 'node:fs';

const read = (file) => JSON.parse(readFileSync(file, 'utf8'));
const unit = read('test-results/vitest.json');
const e2e = read('test-results/e2e.json').stats;
const passed = unit.numPassedTests + e2e.expected + (e2e.flaky ?? 0);
const failed = unit.numFailedTests + e2e.unexpected;
const skipped = unit.numPendingTests + (unit.numTodoTests ?? 0) + e2e.skipped;
console.log(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
