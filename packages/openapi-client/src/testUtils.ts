/**
 * What tests of code using a generated client need: the errors it throws.
 *
 * @packageDocumentation
 */
import { ResponseError } from '@backstage/errors';

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  503: 'Service Unavailable',
};

/**
 * The `ResponseError` a generated client throws when the plugin answers `status` with the body
 * Backstage's error handler writes (`{ error: { name, message }, response: { statusCode } }`).
 */
export function mockResponseError(
  status: number,
  name: string,
  message: string,
): Promise<ResponseError> {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name, message },
        response: { statusCode: status },
      }),
      {
        status,
        statusText: STATUS_TEXT[status] ?? '',
        headers: { 'content-type': 'application/json' },
      },
    ),
  );
}
