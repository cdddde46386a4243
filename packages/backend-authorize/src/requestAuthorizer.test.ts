import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import { createRequestAuthorizer } from './requestAuthorizer';

const permission = createPermission({
  name: 'example.read',
  attributes: { action: 'read' },
});

function requestAs(header?: string) {
  return { headers: header ? { authorization: header } : {} } as any;
}

describe('createRequestAuthorizer', () => {
  it('returns the credentials of an allowed user', async () => {
    const authorize = createRequestAuthorizer({
      httpAuth: mockServices.httpAuth(),
      permissions: mockServices.permissions(),
    });
    const credentials = await authorize(
      requestAs(mockCredentials.user.header()),
      permission,
      'Not allowed',
    );
    expect(credentials.principal).toEqual(mockCredentials.user().principal);
  });

  it('throws NotAllowedError with the message when the policy denies', async () => {
    const permissions = mockServices.permissions.mock();
    permissions.authorize.mockResolvedValue([{ result: AuthorizeResult.DENY }]);
    const authorize = createRequestAuthorizer({
      httpAuth: mockServices.httpAuth(),
      permissions,
    });
    const denied = authorize(
      requestAs(mockCredentials.user.header()),
      permission,
      'Not allowed to read examples',
    );
    await expect(denied).rejects.toThrow(NotAllowedError);
    await expect(denied).rejects.toThrow('Not allowed to read examples');
  });

  it('rejects a request without credentials before asking the policy', async () => {
    const permissions = mockServices.permissions.mock();
    const authorize = createRequestAuthorizer({
      httpAuth: mockServices.httpAuth({
        defaultCredentials: mockCredentials.none(),
      }),
      permissions,
    });
    await expect(
      authorize(requestAs(), permission, 'Not allowed'),
    ).rejects.toMatchObject({ name: 'AuthenticationError' });
    expect(permissions.authorize).not.toHaveBeenCalled();
  });
});
