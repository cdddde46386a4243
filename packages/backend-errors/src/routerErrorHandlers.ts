import type { ErrorRequestHandler } from 'express';
import { databaseUnavailableHandler } from './databaseUnavailable';
import { openApiInputErrorHandler } from './openApiInputErrors';

/**
 * The error handlers a plugin's router ends with (`router.use(...routerErrorHandlers)`): 400 for
 * input its OpenAPI document refuses, 503 while its database is unreachable.
 */
export const routerErrorHandlers: ErrorRequestHandler[] = [
  openApiInputErrorHandler,
  databaseUnavailableHandler,
];
