/**
 * What the backend tests share.
 *
 * @packageDocumentation
 */
export {
  createOpenApiRequest,
  createOpenApiResponseChecker,
  type OpenApiResponseChecker,
} from './openApiResponses';
