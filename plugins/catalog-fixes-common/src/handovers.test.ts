import { groupByRepository, planHandovers, suggestTeams } from './handovers';

const finding = (
  entityRef: string,
  ownerRef: string,
  suggestedOwner?: string,
  type = 'departedUser',
) => ({ entityRef, ownerRef, type, suggestedOwner });

describe('planHandovers', () => {
  it('opens one handover per departed person or emptied group, ignoring other findings', () => {
    const plans = planHandovers([
      finding(
        'component:default/a',
        'user:default/martin',
        'group:default/logistics',
      ),
      finding(
        'Component:default/B',
        'User:default/Martin',
        'group:default/logistics',
      ),
      finding(
        'api:default/c',
        'group:default/ghosts',
        'group:default/engineering',
        'emptyGroup',
      ),
      finding(
        'component:default/d',
        'user:default/ann',
        'group:default/web',
        'userOwner',
      ),
      { entityRef: 'component:default/e', type: 'departedUser' },
    ]);
    expect(plans).toEqual([
      {
        subjectRef: 'user:default/martin',
        reason: 'departedUser',
        entities: [
          {
            entityRef: 'component:default/a',
            suggestedTeam: 'group:default/logistics',
          },
          {
            entityRef: 'component:default/b',
            suggestedTeam: 'group:default/logistics',
          },
        ],
      },
      {
        subjectRef: 'group:default/ghosts',
        reason: 'emptyGroup',
        entities: [
          {
            entityRef: 'api:default/c',
            suggestedTeam: 'group:default/engineering',
          },
        ],
      },
    ]);
  });

  it('keeps one entry per entity', () => {
    const [plan] = planHandovers([
      finding('component:default/a', 'user:default/m', 'group:default/x'),
      finding('component:default/a', 'user:default/m', 'group:default/x'),
    ]);
    expect(plan.entities).toHaveLength(1);
  });
});

describe('suggestTeams', () => {
  it("takes each finding's suggestion, else the subject's most frequent one", () => {
    expect(
      suggestTeams([
        finding('component:default/a', 'user:default/m', 'Group:default/Web'),
        finding(
          'component:default/b',
          'user:default/m',
          'group:default/payments',
        ),
        finding('component:default/c', 'user:default/m', 'group:default/web'),
        finding('component:default/d', 'user:default/m'),
      ]).map(e => e.suggestedTeam),
    ).toEqual([
      'group:default/web',
      'group:default/payments',
      'group:default/web',
      'group:default/web',
    ]);
  });

  it('suggests nothing when no finding does', () => {
    expect(
      suggestTeams([finding('component:default/a', 'user:default/m')]),
    ).toEqual([{ entityRef: 'component:default/a' }]);
  });
});

describe('groupByRepository', () => {
  it('groups entities by repository, sorted by file and ref, and sets apart those without one', () => {
    const { repositories, unplaced } = groupByRepository([
      {
        entityRef: 'component:default/z',
        repository: 'local-git:parcels',
        path: 'b.yaml',
      },
      {
        entityRef: 'component:default/y',
        repository: 'local-git:routes',
        path: 'catalog-info.yaml',
      },
      {
        entityRef: 'component:default/x',
        repository: 'local-git:parcels',
        path: 'b.yaml',
      },
      {
        entityRef: 'api:default/w',
        repository: 'local-git:parcels',
        path: 'a.yaml',
      },
      { entityRef: 'component:default/example' },
    ]);
    expect(
      repositories.map(r => [r.repository, r.entities.map(e => e.entityRef)]),
    ).toEqual([
      [
        'local-git:parcels',
        ['api:default/w', 'component:default/x', 'component:default/z'],
      ],
      ['local-git:routes', ['component:default/y']],
    ]);
    expect(unplaced.map(e => e.entityRef)).toEqual([
      'component:default/example',
    ]);
  });
});
