import { mockServices } from '@backstage/backend-test-utils';
import { CatalogGroupOwnerValidator } from './OwnerValidator';
import { OwnerFindingsValidator } from './OwnerFindingsValidator';

const findings = [
  {
    entityRef: 'component:default/legacy',
    type: 'departedUser',
    severity: 'error',
    message: "Owner 'user:default/bob' has left",
    suggestedOwner: 'group:default/payments',
  },
  {
    entityRef: 'component:default/haunted',
    type: 'emptyGroup',
    severity: 'warning',
    message: "Owner 'group:default/ghosts' has no members",
  },
  {
    entityRef: 'component:default/personal',
    type: 'userOwner',
    severity: 'warning',
    message: "Owner 'user:default/alice' is a person, not a team",
    suggestedOwner: 'group:default/web',
  },
  {
    entityRef: 'api:default/orphan',
    type: 'missingOwner',
    severity: 'error',
    message: 'Has no owner',
  },
];

function setup(fetchImpl: jest.Mock) {
  const logger = mockServices.logger.mock();
  const validator = new OwnerFindingsValidator({
    auth: mockServices.auth(),
    discovery: mockServices.discovery(),
    logger,
    fallback: new CatalogGroupOwnerValidator(),
    fetch: fetchImpl as unknown as typeof fetch,
  });
  return { validator, logger };
}

const groupRefs = new Set(['group:default/payments']);

describe('OwnerFindingsValidator', () => {
  it('fails entities with an open error finding or a person as owner, with the finding and its suggestion, reading every page once', async () => {
    const fetchImpl = jest.fn(async (url: string) => {
      const params = new URL(url).searchParams;
      const offset = Number(params.get('offset'));
      const limit = Number(params.get('limit'));
      return new Response(
        JSON.stringify({
          items: findings.slice(offset, offset + limit),
          totalCount: findings.length,
        }),
        { headers: { 'content-type': 'application/json' } },
      );
    });
    const { validator } = setup(fetchImpl);
    // Pages of 1000: the three findings arrive in one page.
    const lookup = await validator.prepare({ groupRefs });
    expect(fetchImpl).toHaveBeenCalledTimes(1);
    const [url, init] = fetchImpl.mock.calls[0] as unknown as [
      string,
      RequestInit,
    ];
    expect(url).toContain('/api/owner-validation/findings?');
    expect(url).toContain('status=open');
    expect(new Headers(init.headers).get('authorization')).toMatch(/^Bearer /);

    expect(lookup.ownerVerdict('component:default/legacy')).toEqual({
      valid: false,
      message: "Owner 'user:default/bob' has left",
      suggestedOwner: 'group:default/payments',
    });
    expect(lookup.ownerVerdict('component:default/personal')).toEqual({
      valid: false,
      message: "Owner 'user:default/alice' is a person, not a team",
      suggestedOwner: 'group:default/web',
    });
    expect(lookup.ownerVerdict('api:default/orphan')).toEqual({
      valid: false,
      message: 'Has no owner',
    });
    // An empty team is a warning of owner validation, still a known team.
    expect(lookup.ownerVerdict('component:default/haunted')).toEqual({
      valid: true,
    });
    expect(lookup.ownerVerdict('component:default/fine')).toEqual({
      valid: true,
    });
  });

  it('pages through the findings', async () => {
    const many = Array.from({ length: 2500 }, (_, i) => ({
      entityRef: `component:default/c${i}`,
      type: 'missingOwner',
      severity: 'error',
      message: 'Has no owner',
    }));
    const fetchImpl = jest.fn(async (url: string) => {
      const params = new URL(url).searchParams;
      const offset = Number(params.get('offset'));
      const limit = Number(params.get('limit'));
      return Response.json({
        items: many.slice(offset, offset + limit),
        totalCount: many.length,
      });
    });
    const { validator } = setup(fetchImpl);
    const lookup = await validator.prepare({ groupRefs });
    expect(fetchImpl).toHaveBeenCalledTimes(3);
    expect(lookup.ownerVerdict('component:default/c0').valid).toBe(false);
    expect(lookup.ownerVerdict('component:default/c2499').valid).toBe(false);
  });

  it('falls back to the group check and warns once when owner validation does not answer', async () => {
    const fetchImpl = jest.fn(async () =>
      Response.json(
        { error: { name: 'NotFoundError', message: 'Not found' } },
        { status: 404 },
      ),
    );
    const { validator, logger } = setup(fetchImpl);
    const lookup = await validator.prepare({ groupRefs });
    expect(
      lookup.ownerVerdict('component:default/a', 'group:default/payments'),
    ).toEqual({ valid: true });
    expect(
      lookup.ownerVerdict('component:default/b', 'group:default/ghosts'),
    ).toEqual({ valid: false });

    await validator.prepare({ groupRefs });
    expect(logger.warn).toHaveBeenCalledTimes(1);
  });
});
