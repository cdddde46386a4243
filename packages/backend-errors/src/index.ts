/**
 * Error handling shared by the in-house backend plugins.
 *
 * @packageDocumentation
 */
export {
  databaseUnavailableHandler,
  isDatabaseUnavailable,
} from './databaseUnavailable';
export {
  describeValidationError,
  openApiInputErrorHandler,
} from './openApiInputErrors';
export { routerErrorHandlers } from './routerErrorHandlers';
