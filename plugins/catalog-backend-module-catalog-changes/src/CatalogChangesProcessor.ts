import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  CatalogProcessor,
  CatalogProcessorCache,
  CatalogProcessorEmit,
  LocationSpec,
} from '@backstage/plugin-catalog-node';
import {
  CatalogChange,
  CatalogChangesService,
  entityContentHash,
  entityRefOf,
  relatedRefsOf,
} from '@internal/backend-catalog-changes';
import { ChangeBatcher } from './ChangeBatcher';

// Related entities change when the catalog stitches their relations, after this entity is stored:
// their consumers read them a little later (they carry no hash to tell a stale read).
const RELATED_DELAY_MS = 3000;

/**
 * The entities whose relations to this one change: all it names when it is new, and those it
 * stopped or started naming when it changed. A change that names the same ones (a new
 * description) leaves their relations, and so them, as they were.
 */
function namesChanged(before: string[] | undefined, now: string[]): string[] {
  if (!before) return now;
  const was = new Set(before);
  const is = new Set(now);
  return [
    ...before.filter(ref => !is.has(ref)),
    ...now.filter(ref => !was.has(ref)),
  ];
}

/** What the processor keeps per entity in the catalog's processor cache. */
type Remembered = {
  hash: string;
  related: string[];
};

/**
 * Queues an entity when its content differs from the last time the catalog processed it: the
 * hash is kept in the catalog's own processor cache, so re-processing an unchanged entity costs a
 * hash and no query. The entities it names (owner, system, groups...) are queued with it when it
 * starts or stops naming them, since their relations change too. Runs after the other processors, so it
 * hashes what the catalog stores. The entities the catalog processes at the same time have their
 * changes stored in one write (`ChangeBatcher`).
 */
export class CatalogChangesProcessor implements CatalogProcessor {
  private readonly batcher: ChangeBatcher;

  constructor(
    private readonly options: {
      changes: Pick<CatalogChangesService, 'enqueue'>;
      logger: LoggerService;
    },
  ) {
    this.batcher = new ChangeBatcher(options.changes);
  }

  getProcessorName(): string {
    return 'CatalogChangesProcessor';
  }

  getPriority(): number {
    return 1000;
  }

  async postProcessEntity(
    entity: Entity,
    _location: LocationSpec,
    _emit: CatalogProcessorEmit,
    cache: CatalogProcessorCache,
  ): Promise<Entity> {
    const hash = entityContentHash(entity);
    const before = await cache.get<Remembered>('content');
    if (before?.hash === hash) return entity;
    const entityRef = entityRefOf(entity);
    const related = relatedRefsOf(entity);
    const changes: CatalogChange[] = [
      {
        entityRef,
        reason: before ? 'changed' : 'created',
        contentHash: hash,
      },
      ...namesChanged(before?.related, related).map(ref => ({
        entityRef: ref,
        reason: 'related',
        delayMs: RELATED_DELAY_MS,
      })),
    ];
    try {
      await this.batcher.add(changes, [entityRef]);
    } catch (error) {
      // The hash stays as it was, so the next processing of the entity queues it again.
      this.options.logger.warn(
        `Could not queue the change of '${entityRef}' for the in-house plugins; it is queued on its next processing: ${error}`,
      );
      return entity;
    }
    await cache.set<Remembered>('content', {
      hash,
      related,
    });
    return entity;
  }
}
