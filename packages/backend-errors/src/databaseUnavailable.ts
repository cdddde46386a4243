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
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  const e = error as {
    code?: string;
    name?: string;
    message?: string;
    cause?: unknown;
    errors?: unknown[];
  };
  if (!e || typeof e !== 'object' || depth > 3) return false;
  return (
    (!!e.code && CODES.has(e.code)) ||
    e.name === 'KnexTimeoutError' ||
    /Connection terminated|connection is closed|not queryable|timeout exceeded when trying to connect/i.test(
      e.message ?? '',
    ) ||
    // A wrapped error, or one connection error per address tried (AggregateError).
    isDatabaseUnavailable(e.cause, depth + 1) ||
    (Array.isArray(e.errors) &&
      e.errors.some(inner => isDatabaseUnavailable(inner, depth + 1)))
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
