import { ServiceUnavailableError } from '@backstage/errors';
import type { ErrorRequestHandler } from 'express';

// Refused or dropped connections, the pool's acquire timeout, and PostgreSQL shutting down or starting.
const CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08006',
]);

/** Whether an error means PostgreSQL cannot be reached right now, rather than a bad query. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as { code?: string; name?: string; message?: string };
  return (
    !!e &&
    ((!!e.code && CODES.has(e.code)) ||
      e.name === 'KnexTimeoutError' ||
      /Connection terminated|connection is closed/i.test(e.message ?? ''))
  );
}

/** Answers 503 instead of 500 while the database is unreachable, so clients and load balancers retry. */
export const databaseUnavailableHandler: ErrorRequestHandler = (
  error,
  _req,
  _res,
  next,
) => {
  next(
    isDatabaseUnavailable(error)
      ? new ServiceUnavailableError(
          'The database is unavailable; try again shortly',
          error,
        )
      : error,
  );
};
