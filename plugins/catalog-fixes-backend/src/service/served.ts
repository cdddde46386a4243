import { ChangeRequest } from '@internal/plugin-catalog-fixes-common';
import { ChangeRequestRecord } from '../database/ChangeRequestStore';

/** A change request as the API serves it. */
export function served(record: ChangeRequestRecord): ChangeRequest {
  const { headCommit, createdAt, decidedAt, entities, ...rest } = record;
  return {
    ...rest,
    createdAt: createdAt.toISOString(),
    ...(decidedAt ? { decidedAt: decidedAt.toISOString() } : {}),
    entities: entities.map(({ entityRef, path, fix }) => ({
      entityRef,
      path,
      fix,
    })),
  };
}
