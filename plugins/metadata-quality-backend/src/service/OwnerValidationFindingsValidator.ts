import type {
  AuthService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { OwnerLookup, OwnerValidator } from './OwnerValidator';

const PAGE_SIZE = 1000;

/** The part of an owner-validation finding this validator reads. */
interface ErrorFinding {
  entityRef: string;
  message: string;
}

/**
 * Valid owners are those the owner-validation plugin has no error finding about (warnings,
 * such as a person owning something, still pass). Reads the open error findings once per
 * evaluation run; when the plugin does not answer, falls back to `fallback` (by default
 * "the owner is an existing Group") and logs a warning once.
 */
export class OwnerValidationFindingsValidator implements OwnerValidator {
  private warned = false;

  constructor(
    private readonly options: {
      auth: AuthService;
      discovery: DiscoveryService;
      logger: LoggerService;
      fallback: OwnerValidator;
      fetch?: typeof fetch;
    },
  ) {}

  async prepare(context: {
    groupRefs: ReadonlySet<string>;
  }): Promise<OwnerLookup> {
    let problems: Map<string, string>;
    try {
      problems = await this.readErrorFindings();
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
      isValidOwner: (_ownerRef, entityRef) => !problems.has(entityRef),
      ownerProblem: (_ownerRef, entityRef) => problems.get(entityRef),
    };
  }

  /** Open error findings, entity ref to message, page by page. */
  private async readErrorFindings(): Promise<Map<string, string>> {
    const { auth, discovery } = this.options;
    const doFetch = this.options.fetch ?? fetch;
    const { token } = await auth.getPluginRequestToken({
      onBehalfOf: await auth.getOwnServiceCredentials(),
      targetPluginId: 'owner-validation',
    });
    const baseUrl = await discovery.getBaseUrl('owner-validation');
    const problems = new Map<string, string>();
    for (let offset = 0; ; offset += PAGE_SIZE) {
      const response = await doFetch(
        `${baseUrl}/findings?severity=error&status=open&limit=${PAGE_SIZE}&offset=${offset}`,
        { headers: { authorization: `Bearer ${token}` } },
      );
      if (!response.ok) {
        throw await ResponseError.fromResponse(response);
      }
      const page = (await response.json()) as {
        items: ErrorFinding[];
        totalCount: number;
      };
      for (const finding of page.items) {
        problems.set(finding.entityRef, finding.message);
      }
      if (page.items.length === 0 || offset + PAGE_SIZE >= page.totalCount) {
        return problems;
      }
    }
  }
}
