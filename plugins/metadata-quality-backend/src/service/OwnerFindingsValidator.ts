import type {
  AuthService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  invalidatesOwner,
  normalizeRef,
  ownerVerdictOf,
  type OwnerVerdict,
} from '@internal/plugin-metadata-quality-common';
import { serviceClientOptions } from '@internal/openapi-client';
import { OwnerValidationClient } from '@internal/plugin-owner-validation-common';
import { OwnerLookup, OwnerValidator } from './OwnerValidator';

const PAGE_SIZE = 1000;

/**
 * Owners as the owner-validation plugin sees them, so the quality card and the owner card never
 * disagree: an entity with an open owner error (or owned by a person) fails, with the finding's
 * sentence and suggested owner. Reads the open findings once per lookup through the plugin's
 * generated client; when the plugin does not answer, falls back to `fallback` and logs once.
 */
export class OwnerFindingsValidator implements OwnerValidator {
  private warned = false;
  private readonly client: OwnerValidationClient;

  constructor(
    private readonly options: {
      auth: AuthService;
      discovery: DiscoveryService;
      logger: LoggerService;
      fallback: OwnerValidator;
      fetch?: typeof fetch;
    },
  ) {
    this.client = new OwnerValidationClient(
      serviceClientOptions({
        auth: options.auth,
        discovery: options.discovery,
        targetPluginId: OwnerValidationClient.pluginId,
        fetch: options.fetch,
      }),
    );
  }

  async prepare(context: {
    groupRefs: ReadonlySet<string>;
  }): Promise<OwnerLookup> {
    let verdicts: Map<string, OwnerVerdict>;
    try {
      verdicts = await this.readVerdicts();
    } catch (error) {
      if (!this.warned) {
        this.warned = true;
        this.options.logger.warn(
          `Owner validation did not answer, so owners are checked as existing groups: ${error}`,
        );
      }
      return this.options.fallback.prepare(context);
    }
    if (this.warned) {
      this.warned = false;
      this.options.logger.info('Owner validation answers again');
    }
    return {
      ownerVerdict: entityRef => verdicts.get(entityRef) ?? { valid: true },
      fingerprints: new Map(
        [...verdicts].map(([ref, v]) => [
          ref,
          `${v.message ?? ''}|${v.suggestedOwner ?? ''}`,
        ]),
      ),
    };
  }

  /** Open errors (and persons as owners), entity ref to verdict, page by page. */
  private async readVerdicts(): Promise<Map<string, OwnerVerdict>> {
    const verdicts = new Map<string, OwnerVerdict>();
    for (let offset = 0; ; offset += PAGE_SIZE) {
      const page = await this.client.listFindings({
        params: { query: { status: 'open', limit: PAGE_SIZE, offset } },
      });
      for (const finding of page.items) {
        const ref = normalizeRef(finding.entityRef);
        if (!invalidatesOwner(finding)) continue;
        // An error wins over a person as owner, whatever the order of the pages.
        if (finding.severity === 'error' || !verdicts.has(ref)) {
          verdicts.set(ref, ownerVerdictOf(finding));
        }
      }
      if (page.items.length === 0 || offset + PAGE_SIZE >= page.totalCount) {
        return verdicts;
      }
    }
  }
}
