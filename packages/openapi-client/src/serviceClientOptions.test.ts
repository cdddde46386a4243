import { serviceClientOptions } from './serviceClientOptions';

describe('serviceClientOptions', () => {
  const own = { principal: { type: 'service', subject: 'plugin:me' } };
  const caller = { principal: { type: 'user', userEntityRef: 'user:a/b' } };

  function setup(onBehalfOf?: unknown) {
    const auth = {
      getOwnServiceCredentials: jest.fn(async () => own),
      getPluginRequestToken: jest.fn(async () => ({ token: 'tok' })),
    };
    const fetch = jest.fn(async () => new Response('{}'));
    const options = serviceClientOptions({
      auth,
      discovery: { getBaseUrl: async () => 'http://x' },
      targetPluginId: 'target',
      onBehalfOf,
      fetch,
    });
    return { auth, fetch, options };
  }

  it("asks with the calling plugin's own credentials by default", async () => {
    const { auth, fetch, options } = setup();
    await options.fetchApi!.fetch('http://x/a');
    expect(auth.getPluginRequestToken).toHaveBeenCalledWith({
      onBehalfOf: own,
      targetPluginId: 'target',
    });
    const headers = new Headers((fetch.mock.calls[0] as any[])[1].headers);
    expect(headers.get('authorization')).toBe('Bearer tok');
  });

  it('asks on behalf of the given caller', async () => {
    const { auth, options } = setup(caller);
    await options.fetchApi!.fetch('http://x/a');
    expect(auth.getPluginRequestToken).toHaveBeenCalledWith({
      onBehalfOf: caller,
      targetPluginId: 'target',
    });
    expect(auth.getOwnServiceCredentials).not.toHaveBeenCalled();
  });
});
