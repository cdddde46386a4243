import { poll } from '@internal/backend-test-utils';

/** Waits for a queue listener to have been told `n` times (`told` reads its count). */
export const toldTimes = (told: () => number, n: number) =>
  poll(
    `the listener to be told ${n} times`,
    async () => told() === n,
    15_000,
    20,
  );
