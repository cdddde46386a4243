import { describeValidationError } from './openApiInputErrors';

describe('describeValidationError', () => {
  it.each([
    [
      'request/query/limit must be >= 1',
      "Invalid query parameter 'limit': must be >= 1",
    ],
    [
      'request/body/entities/0/kind must NOT have fewer than 1 characters',
      "Invalid request body field 'entities.0.kind': must NOT have fewer than 1 characters",
    ],
    [
      "request/body/entities/0 must have required property 'metadata'",
      "Invalid request body field 'entities.0.metadata': is required",
    ],
    [
      "request/body must have required property 'entities'",
      "Invalid request body field 'entities': is required",
    ],
    ['request/body must be object', 'Invalid request body: must be object'],
    [
      'request/query/type/0 must be equal to one of the allowed values: missingOwner, ownerNotFound',
      "Invalid query parameter 'type': must be equal to one of the allowed values: missingOwner, ownerNotFound",
    ],
    [
      'request/query/limit must be integer, request/query/offset must be >= 0',
      "Invalid query parameter 'limit': must be integer; Invalid query parameter 'offset': must be >= 0",
    ],
    ['Unknown query parameter', 'Unknown query parameter'],
  ])('%s', (message, expected) => {
    expect(describeValidationError(message)).toBe(expected);
  });
});
