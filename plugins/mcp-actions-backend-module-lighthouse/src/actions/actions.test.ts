import { mockCredentials } from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { Entity } from '@backstage/catalog-model';
import { mockResponseError } from '@internal/openapi-client/testUtils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { CallerClients } from '../services/CallerClients';
import { EntityFinder } from '../services/EntityFinder';
import { registerOwnershipProblemsAction } from './ownershipProblems';
import { registerQualityOfAction } from './qualityOf';
import { registerWhoOwnsAction } from './whoOwns';

// The catalog as the caller sees it: the restricted template is not in it.
const visible: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'label-printer-bridge',
      namespace: 'default',
      title: 'Label Printer Bridge',
    },
    spec: {
      type: 'service',
      lifecycle: 'deprecated',
      owner: 'user:martin.keller',
    },
    relations: [
      { type: 'ownedBy', targetRef: 'user:default/martin.keller' },
      { type: 'dependsOn', targetRef: 'resource:default/printers' },
      { type: 'dependsOn', targetRef: 'component:default/hidden' },
    ],
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'martin.keller', namespace: 'default' },
    spec: {
      profile: {
        displayName: 'Martin Keller',
        email: 'martin.keller@acme.example',
      },
    },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name: 'printers', namespace: 'default' },
  },
];

const finding = (entityRef: string) => ({
  id: 1,
  entityRef,
  kind: entityRef.split(':')[0],
  namespace: 'default',
  name: entityRef.split('/')[1],
  type: 'departedUser' as const,
  severity: 'error' as const,
  message: "Owner 'user:default/martin.keller' has left",
  ownerRef: 'user:default/martin.keller',
  suggestedOwner: 'group:default/logistics',
  team: 'group:default/logistics',
  firstSeen: '2026-01-01T00:00:00Z',
  lastSeen: '2026-01-01T00:00:00Z',
});

function setup() {
  const registry = actionsRegistryServiceMock();
  const catalog = catalogServiceMock({ entities: visible });
  const ownerValidation = {
    getEntityFindings: jest.fn(async () => ({
      entityRef: 'component:default/label-printer-bridge',
      findings: [finding('component:default/label-printer-bridge')],
    })),
    listFindings: jest.fn(async () => ({
      items: [
        finding('component:default/label-printer-bridge'),
        finding('template:default/payroll-export'),
      ],
      totalCount: 2,
      limit: 25,
      offset: 0,
    })),
  };
  const metadataQuality = {
    // What the generated client throws for the plugin's 404.
    getEntityScore: jest.fn(async (): Promise<any> => {
      throw await mockResponseError(404, 'NotFoundError', 'No score');
    }),
  };
  const clients = {
    ownerValidation: jest.fn(() => ownerValidation),
    metadataQuality: jest.fn(() => metadataQuality),
  } as unknown as CallerClients;
  const deps = {
    catalog,
    finder: new EntityFinder(catalog),
    clients,
    appBaseUrl: 'http://portal',
  };
  registerWhoOwnsAction(registry, deps);
  registerOwnershipProblemsAction(registry, deps);
  registerQualityOfAction(registry, deps);
  return { registry, clients, ownerValidation };
}

const credentials = mockCredentials.user('user:default/guest');

describe('Lighthouse actions', () => {
  it('who-owns: owner, problem and suggested team, readable neighbours only', async () => {
    const { registry, clients } = setup();
    const { output } = await registry.invoke({
      id: 'test:who-owns',
      input: { entity: 'label-printer-bridge' },
      credentials,
    });
    expect(output).toEqual({
      entity: {
        ref: 'component:default/label-printer-bridge',
        title: 'Label Printer Bridge',
        type: 'service',
        lifecycle: 'deprecated',
      },
      owner: {
        ref: 'user:default/martin.keller',
        title: 'Martin Keller',
        email: 'martin.keller@acme.example',
        members: [],
        memberCount: 0,
      },
      ownerValid: false,
      ownerProblem: {
        type: 'departedUser',
        severity: 'error',
        message: "Owner 'user:default/martin.keller' has left",
        suggestedOwner: 'group:default/logistics',
      },
      quality: null,
      links: [],
      dependsOn: ['resource:default/printers'],
      dependedOnBy: [],
    });
    // The plugins are asked as the caller.
    expect(clients.ownerValidation).toHaveBeenCalledWith(credentials);
    expect(clients.metadataQuality).toHaveBeenCalledWith(credentials);
  });

  it('ownership-problems: drops findings of entities the caller may not read', async () => {
    const { registry, ownerValidation } = setup();
    const { output } = await registry.invoke({
      id: 'test:ownership-problems',
      input: { team: 'logistics' },
      credentials,
    });
    expect(output).toEqual({
      problems: [
        expect.objectContaining({
          entityRef: 'component:default/label-printer-bridge',
          suggestedOwner: 'group:default/logistics',
        }),
      ],
      more: false,
    });
    expect(ownerValidation.listFindings).toHaveBeenCalledWith({
      params: { query: { status: 'open', limit: 25, team: 'logistics' } },
    });
  });

  it('quality-of: a clear error when nothing is scored yet or the entity is unknown', async () => {
    const { registry } = setup();
    await expect(
      registry.invoke({
        id: 'test:quality-of',
        input: { entity: 'label-printer-bridge' },
        credentials,
      }),
    ).rejects.toThrow(
      "No quality score yet for 'component:default/label-printer-bridge'",
    );
    await expect(
      registry.invoke({
        id: 'test:quality-of',
        input: { entity: 'template:default/payroll-export' },
        credentials,
      }),
    ).rejects.toThrow("No entity 'template:default/payroll-export'");
    await expect(
      registry.invoke({
        id: 'test:quality-of',
        input: { entity: 'x'.repeat(201) },
        credentials,
      }),
    ).rejects.toThrow('Invalid input to action "test:quality-of"');
  });
});
