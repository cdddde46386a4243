import { groupEntity, userEntity } from '@internal/backend-test-utils';
import { affectedOwners } from './affectedOwners';

const org = [
  groupEntity('engineering', {}),
  groupEntity('payments', { parent: 'engineering' }),
  groupEntity('checkout', { parent: 'payments' }),
  groupEntity('other', {}),
  userEntity('ada', { memberOf: ['checkout'] }),
];

describe('affectedOwners', () => {
  it('takes a changed user, its groups now and before, and their ancestors', () => {
    const before = new Map([['user:default/ada', ['group:default/other']]]);
    expect(
      [...affectedOwners(['user:default/ada'], org, before)].sort(),
    ).toEqual([
      'group:default/checkout',
      'group:default/engineering',
      'group:default/other',
      'group:default/payments',
      'user:default/ada',
    ]);
  });

  it('takes a changed or deleted group and its ancestors, ignoring other kinds', () => {
    expect(
      [
        ...affectedOwners(
          [
            'group:default/payments',
            'group:default/gone',
            'component:default/x',
          ],
          org,
          new Map(),
        ),
      ].sort(),
    ).toEqual([
      'group:default/engineering',
      'group:default/gone',
      'group:default/payments',
    ]);
  });
});
