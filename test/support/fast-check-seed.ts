/** Vitest setup: every fast-check property of the run uses the replayed seed, if one is given. */
import fc from 'fast-check';
import { replaySeed } from './seed';

const seed = replaySeed();
if (seed !== undefined) fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
