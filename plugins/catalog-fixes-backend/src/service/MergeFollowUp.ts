import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { OwnerValidationClient } from '@internal/plugin-owner-validation-common';

/**
 * What follows a merge, so the finding resolves within seconds rather than at the next scheduled
 * pass: the catalog refreshes the entities (and their location, re-reading the file), and once it
 * serves their new content the ownership check runs again. Metadata quality re-scores changed
 * entities and changed owner findings on its own short pass.
 */
export class MergeFollowUp {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      ownerValidation: Pick<OwnerValidationClient, 'evaluate'>;
      logger: LoggerService;
      /** How long to wait for the catalog; default 60 s. */
      timeoutMs?: number;
      pollMs?: number;
    },
  ) {}

  /** Starts the follow-up of merged entities; failures are logged, never thrown. */
  start(entityRefs: string[]): void {
    this.run(entityRefs).catch(error =>
      this.options.logger.warn(
        `Could not refresh ${entityRefs.join(', ')} after a merge: ${error}`,
      ),
    );
  }

  /** Refreshes the entities, waits until the catalog serves new content, re-runs the owner check. */
  async run(entityRefs: string[]): Promise<void> {
    const { catalog, auth } = this.options;
    const credentials = await auth.getOwnServiceCredentials();
    const etagOf = async (ref: string) =>
      (await catalog.getEntityByRef(ref, { credentials }))?.metadata.etag;
    const before = new Map<string, string | undefined>();
    for (const ref of entityRefs) {
      before.set(ref, await etagOf(ref));
      await catalog.refreshEntity(ref, { credentials });
    }
    const deadline = Date.now() + (this.options.timeoutMs ?? 60_000);
    const waiting = new Set(entityRefs);
    while (waiting.size > 0 && Date.now() < deadline) {
      await new Promise(r => setTimeout(r, this.options.pollMs ?? 250));
      for (const ref of [...waiting]) {
        if ((await etagOf(ref)) !== before.get(ref)) waiting.delete(ref);
      }
    }
    if (waiting.size > 0) {
      this.options.logger.warn(
        `The catalog did not re-read ${[...waiting].join(
          ', ',
        )} after a merge; the findings follow at the next pass`,
      );
    }
    await this.options.ownerValidation.evaluate();
  }
}
