import { InputError } from '@backstage/errors';
import { ErrorRequestHandler } from 'express';

const PLACES: Record<string, string> = {
  query: 'query parameter',
  path: 'path parameter',
  body: 'request body field',
  headers: 'header',
};

/**
 * Rewrites one message of the OpenAPI request validator (`request/query/limit must be >= 1`) in the
 * words of the rest of the API: `Invalid query parameter 'limit': must be >= 1`.
 */
export function describeValidationError(message: string): string {
  return message
    .split(/, (?=request\/)/)
    .map(part => {
      const match =
        /^request\/(query|path|body|headers)(?:\/(\S+))? (.*)$/s.exec(part);
      if (!match) return part;
      const [, place, pointer, rest] = match;
      const required = /^must have required property '([^']+)'$/.exec(rest);
      // A repeated query parameter (`type=a&type=b`) is one parameter to the person who wrote it.
      const segments = (pointer ? pointer.split('/') : []).filter(
        s => place === 'body' || !/^\d+$/.test(s),
      );
      const field = [...segments, ...(required ? [required[1]] : [])].join('.');
      const what = required ? 'is required' : rest;
      if (!field) return `Invalid request ${place}: ${what}`;
      return `Invalid ${PLACES[place]} '${field}': ${what}`;
    })
    .join('; ');
}

/**
 * An express error handler for routers made by `createValidatedOpenApiRouter`: request validation
 * errors name the parameter or body field as the plugins' own checks do.
 */
export const openApiInputErrorHandler: ErrorRequestHandler = (
  error,
  _req,
  _res,
  next,
) => {
  if (
    error instanceof InputError &&
    /^request\/(query|path|body|headers)/.test(error.message)
  ) {
    next(new InputError(describeValidationError(error.message)));
    return;
  }
  next(error);
};
