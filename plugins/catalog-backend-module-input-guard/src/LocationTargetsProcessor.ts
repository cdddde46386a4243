import {
  Entity,
  LocationEntityV1alpha1,
  isLocationEntity,
} from '@backstage/catalog-model';
import type { LocationSpec } from '@backstage/plugin-catalog-common';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  processingResult,
} from '@backstage/plugin-catalog-node';
import path from 'node:path';

/** Carries a Location's targets from pre-processing to post-processing. */
export const TARGETS_ANNOTATION = 'lighthouse.acme/location-targets';

/**
 * Lets every file of a Location with `spec.targets` succeed or fail on its own.
 *
 * The catalog reads all targets of a Location entity while processing it, so one malformed file
 * fails the whole Location and none of its valid siblings is ingested. This processor takes the
 * targets out before the catalog reads them and emits each as a location of its own (a generated
 * Location entity per file, as if each file had been registered alone); after processing it puts
 * the targets back, so the stored Location entity is unchanged. A bad file's errors then sit on its
 * own generated Location, and entities keep the same location keys as before.
 */
export class LocationTargetsProcessor implements CatalogProcessor {
  constructor(
    private readonly resolveUrl: (url: string, base: string) => string,
  ) {}

  getProcessorName() {
    return 'LocationTargetsProcessor';
  }

  async preProcessEntity(
    entity: Entity,
    location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    if (!isLocationEntity(entity) || !Array.isArray(entity.spec.targets)) {
      return entity;
    }
    const { targets, ...spec } = entity.spec;
    const type = spec.type ?? location.type;
    for (const target of targets) {
      if (typeof target !== 'string' || !target) {
        continue; // Left for the catalog's Location validation to report.
      }
      emit(
        processingResult.location({
          type,
          target: this.absolute(type, target, location),
          presence: spec.presence,
        }),
      );
    }
    return {
      ...entity,
      metadata: {
        ...entity.metadata,
        annotations: {
          ...entity.metadata.annotations,
          [TARGETS_ANNOTATION]: JSON.stringify(targets),
        },
      },
      spec,
    } as LocationEntityV1alpha1;
  }

  async postProcessEntity(entity: Entity): Promise<Entity> {
    const carried = entity.metadata.annotations?.[TARGETS_ANNOTATION];
    if (carried === undefined) {
      return entity;
    }
    const { [TARGETS_ANNOTATION]: _, ...annotations } =
      entity.metadata.annotations ?? {};
    return {
      ...entity,
      metadata: { ...entity.metadata, annotations },
      spec: { ...entity.spec, targets: JSON.parse(carried) },
    };
  }

  /** Resolves a target relative to the Location's own file, as the catalog does. */
  private absolute(type: string, target: string, base: LocationSpec) {
    if (base.type !== type) {
      return target;
    }
    try {
      if (type === 'file') {
        return target.startsWith('.')
          ? path.join(path.dirname(base.target), target)
          : target;
      }
      if (type === 'url') {
        return this.resolveUrl(target, base.target);
      }
    } catch {
      // Unresolvable: keep the target as written; reading it reports the problem.
    }
    return target;
  }
}
