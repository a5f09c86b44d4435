/**
 * The tests' "today". No test may depend on the machine's date, weekday or
 * hour: the core (openTestCore, openApp), the CLI (LIANXI_NOW) and the page
 * (Playwright's clock) all start from TEST_NOW, and fixture dates are computed
 * from it. `.ci/run` runs the whole suite a second time under libfaketime to
 * prove it.
 */
import { addDays, todayInChina } from '../../shared/dates';

/** Thursday 26 November 2026, 10:00 in China (02:00 UTC). */
export const TEST_NOW = new Date('2026-11-26T02:00:00.000Z');
/** TEST_NOW's date in China. */
export const TEST_TODAY = todayInChina(TEST_NOW);

/** A date `n` days from the tests' today (negative: before). */
export const daysFromToday = (n: number) => addDays(TEST_TODAY, n);

/**
 * A clock that starts at `start` and moves on with real elapsed time (so
 * timestamps still increase), whatever the system's date says.
 */
export function testClock(start: Date = TEST_NOW): () => Date {
  const t0 = performance.now();
  return () => new Date(start.getTime() + Math.floor(performance.now() - t0));
}

/** The environment for a CLI child process: the CLI's clock starts at `start`. */
export function cliEnv(start: Date = TEST_NOW): NodeJS.ProcessEnv {
  return { ...process.env, LIANXI_NOW: start.toISOString() };
}
