import type { Request, RequestHandler } from 'express';
import {
  compressionExceptSameHost,
  isSameHostPluginRequest,
} from './sameHostCompression';

/** A token with the given JWT header (its payload and signature do not matter here). */
const token = (typ: string) =>
  `${Buffer.from(JSON.stringify({ alg: 'ES256', typ })).toString(
    'base64url',
  )}.eyJzdWIiOiJ4In0.c2ln`;

const request = (remoteAddress: string, authorization?: string) =>
  ({
    socket: { remoteAddress },
    headers: authorization ? { authorization } : {},
  } as unknown as Request);

describe('isSameHostPluginRequest', () => {
  it('is true for a plugin token from the loopback address only', () => {
    const plugin = `Bearer ${token('vnd.backstage.plugin')}`;
    expect(isSameHostPluginRequest(request('127.0.0.1', plugin))).toBe(true);
    expect(isSameHostPluginRequest(request('::1', plugin))).toBe(true);
    expect(isSameHostPluginRequest(request('::ffff:127.0.0.1', plugin))).toBe(
      true,
    );
    // Another host, a person's token, no token, a token that is not a JWT.
    expect(isSameHostPluginRequest(request('10.0.0.7', plugin))).toBe(false);
    expect(
      isSameHostPluginRequest(
        request('127.0.0.1', `Bearer ${token('vnd.backstage.user')}`),
      ),
    ).toBe(false);
    expect(isSameHostPluginRequest(request('127.0.0.1'))).toBe(false);
    expect(
      isSameHostPluginRequest(request('127.0.0.1', 'Bearer not-a-jwt')),
    ).toBe(false);
    expect(
      isSameHostPluginRequest(request('127.0.0.1', 'Bearer bm90IGpzb24.e30.x')),
    ).toBe(false);
  });
});

describe('compressionExceptSameHost', () => {
  it('compresses every request but a same-host plugin call', () => {
    const compression = jest.fn<void, Parameters<RequestHandler>>();
    const handler = compressionExceptSameHost(compression);
    const next = jest.fn();
    handler(
      request('127.0.0.1', `Bearer ${token('vnd.backstage.plugin')}`),
      {} as any,
      next,
    );
    expect(next).toHaveBeenCalledTimes(1);
    expect(compression).not.toHaveBeenCalled();

    handler(
      request('127.0.0.1', `Bearer ${token('vnd.backstage.user')}`),
      {} as any,
      next,
    );
    expect(compression).toHaveBeenCalledTimes(1);
  });
});
