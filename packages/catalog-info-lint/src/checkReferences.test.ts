import { defaultInputGuardOptions } from '@internal/plugin-catalog-input-guard-common';
import { createOwnerChecker } from '@internal/plugin-owner-validation-common';
import { checkInput } from './checkInput';
import { checkReferences } from './checkReferences';
import { componentYaml, TEAM_A } from './__testUtils__/documents';

const org = checkInput(
  'org.yaml',
  Buffer.from(`${TEAM_A}---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: empty-team
spec:
  type: team
  children: []
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata:
  name: gone
  annotations:
    lighthouse.acme/departed: 'true'
spec:
  memberOf: [team-a]
`),
  defaultInputGuardOptions,
).entities.map(e => e.entity);

function references(owner: string, extra = '') {
  const [parsed] = checkInput(
    'c.yaml',
    Buffer.from(componentYaml('a', { type: 'service', owner, extra })),
    defaultInputGuardOptions,
  ).entities;
  const known = new Set(['system:default/known', 'api:default/known-api']);
  return checkReferences(
    'c.yaml',
    parsed,
    ref => known.has(ref),
    createOwnerChecker(org),
  );
}

describe('checkReferences', () => {
  it('finds nothing when every reference resolves and a team owns it', () => {
    expect(
      references('team-a', '  system: known\n  providesApis: [known-api]\n')
        .findings,
    ).toEqual([]);
  });

  it('reports each unknown or malformed reference at its line', () => {
    const { findings } = references(
      'team-a',
      '  system: nowhere\n  consumesApis:\n    - known-api\n    - missing-api\n  dependsOn:\n    - db\n',
    );
    expect(findings).toEqual([
      expect.objectContaining({
        line: 9,
        column: 3,
        severity: 'error',
        check: 'reference',
        message:
          "spec.system: 'system:default/nowhere' is not in the catalog; fix the name, or register the entity first",
      }),
      expect.objectContaining({
        line: 14,
        column: 7,
        message: expect.stringContaining(
          "spec.dependsOn 'db' is not an entity reference",
        ),
      }),
      expect.objectContaining({
        line: 12,
        column: 7,
        message: expect.stringContaining("'api:default/missing-api'"),
      }),
    ]);
  });

  it.each([
    ['user:gone', 'error', 'Owner has left', 'departedUser'],
    ['empty-team', 'error', 'Owner group has no members', 'emptyGroup'],
    ['nobody', 'error', 'Owner not found', 'ownerNotFound'],
    ['user:ada', 'warning', 'Owned by a person', 'userOwner'],
  ])(
    'reports owner %s as owner validation does',
    (owner, severity, title, type) => {
      const { findings, ownerFinding } = references(owner);
      expect(ownerFinding?.type).toBe(type);
      expect(findings).toEqual([
        expect.objectContaining({
          line: 8,
          column: 3,
          severity,
          check: 'owner',
          message: expect.stringMatching(new RegExp(`^${title}: `)),
        }),
      ]);
    },
  );
});
