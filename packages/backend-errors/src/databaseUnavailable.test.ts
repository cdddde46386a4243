import { ServiceUnavailableError } from '@backstage/errors';
import {
  databaseUnavailableHandler,
  isDatabaseUnavailable,
} from './databaseUnavailable';

describe('databaseUnavailableHandler', () => {
  it.each([
    Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
      code: 'ECONNREFUSED',
    }),
    Object.assign(new Error('terminating connection'), { code: '57P01' }),
    Object.assign(new Error('Knex: Timeout acquiring a connection'), {
      name: 'KnexTimeoutError',
    }),
    new Error('Connection terminated unexpectedly'),
  ])('turns "$message" into a 503', error => {
    expect(isDatabaseUnavailable(error)).toBe(true);
    const next = jest.fn();
    databaseUnavailableHandler(error, {} as any, {} as any, next);
    expect(next.mock.calls[0][0]).toBeInstanceOf(ServiceUnavailableError);
  });

  it('passes other errors on unchanged', () => {
    const error = Object.assign(new Error('syntax error'), { code: '42601' });
    const next = jest.fn();
    databaseUnavailableHandler(error, {} as any, {} as any, next);
    expect(next).toHaveBeenCalledWith(error);
  });
});

describe('isDatabaseUnavailable, wrapped errors', () => {
  it('sees a refused connection inside a wrapper or an AggregateError, and a pool that cannot connect', () => {
    const refused = Object.assign(
      new Error('connect ECONNREFUSED 127.0.0.1:5432'),
      {
        code: 'ECONNREFUSED',
      },
    );
    expect(
      isDatabaseUnavailable(new Error('query failed', { cause: refused })),
    ).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([refused], ''))).toBe(true);
    expect(
      isDatabaseUnavailable(
        new Error('timeout exceeded when trying to connect'),
      ),
    ).toBe(true);
    expect(
      isDatabaseUnavailable(new Error('syntax error at or near "FROM"')),
    ).toBe(false);
  });
});
