import { mockServices } from '@backstage/backend-test-utils';
import { CatalogGroupOwnerValidator } from './OwnerValidator';
import { OwnerValidationFindingsValidator } from './OwnerValidationFindingsValidator';

const findings = [
  {
    entityRef: 'component:default/legacy',
    message: "Owner 'user:default/bob' has left",
  },
  {
    entityRef: 'component:default/haunted',
    message: "Owner 'group:default/ghosts' has no members",
  },
  { entityRef: 'api:default/orphan', message: 'Has no owner' },
];

function setup(fetchImpl: jest.Mock) {
  const logger = mockServices.logger.mock();
  const validator = new OwnerValidationFindingsValidator({
    auth: mockServices.auth(),
    discovery: mockServices.discovery(),
    logger,
    fallback: new CatalogGroupOwnerValidator(),
    fetch: fetchImpl as unknown as typeof fetch,
  });
  return { validator, logger };
}

const groupRefs = new Set(['group:default/payments']);

describe('OwnerValidationFindingsValidator', () => {
  it('fails entities with an open error finding, reading every page once', async () => {
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
    expect(url).toContain('severity=error');
    expect(url).toContain('status=open');
    expect((init.headers as Record<string, string>).authorization).toMatch(
      /^Bearer /,
    );

    expect(
      lookup.isValidOwner('user:default/bob', 'component:default/legacy'),
    ).toBe(false);
    expect(
      lookup.ownerProblem?.('user:default/bob', 'component:default/legacy'),
    ).toBe("Owner 'user:default/bob' has left");
    // Not a group, but owner validation finds nothing wrong (e.g. only a warning).
    expect(
      lookup.isValidOwner('user:default/alice', 'component:default/fine'),
    ).toBe(true);
  });

  it('pages through the findings', async () => {
    const many = Array.from({ length: 2500 }, (_, i) => ({
      entityRef: `component:default/c${i}`,
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
    expect(lookup.isValidOwner('group:default/x', 'component:default/c0')).toBe(
      false,
    );
    expect(
      lookup.isValidOwner('group:default/x', 'component:default/c2499'),
    ).toBe(false);
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
      lookup.isValidOwner('group:default/payments', 'component:default/a'),
    ).toBe(true);
    expect(
      lookup.isValidOwner('user:default/alice', 'component:default/b'),
    ).toBe(false);
    expect(lookup.ownerProblem).toBeUndefined();

    await validator.prepare({ groupRefs });
    expect(logger.warn).toHaveBeenCalledTimes(1);
  });
});
