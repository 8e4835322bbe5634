/**
 * Seeds of the random tests. Property tests draw from fast-check, which prints the
 * seed of a failing run in its report; other random tests take their seed from
 * `seedForThisTest`, which prints it when the test fails. Either way,
 * `NEXUS_TEST_SEED=<seed> npx vitest run <file> -t '<test name>'` replays the run
 * (docs/testing.md).
 */
import { randomInt } from 'node:crypto';
import { onTestFailed } from 'vitest';

export const SEED_VARIABLE = 'NEXUS_TEST_SEED';

/** The seed to replay, from the environment, or undefined for a fresh run. */
export function replaySeed(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const text = env[SEED_VARIABLE];
  if (text === undefined || text === '') return undefined;
  if (!/^-?\d+$/.test(text) || !Number.isSafeInteger(Number(text)))
    throw new Error(
      `${SEED_VARIABLE} must be a whole number (a seed a failed test printed), not "${text}".`,
    );
  return Number(text);
}

/** A seed for the running test — the replayed one, else a fresh one — printed if the test fails. */
export function seedForThisTest(): number {
  const seed = replaySeed() ?? randomInt(2 ** 31);
  onTestFailed(() => {
    console.error(
      `This random test failed with seed ${seed}: replay it with ${SEED_VARIABLE}=${seed}.`,
    );
  });
  return seed;
}
