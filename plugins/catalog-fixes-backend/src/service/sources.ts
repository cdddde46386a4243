import { Entity } from '@backstage/catalog-model';
import { ScmIntegrationRegistry } from '@backstage/integration';
import { createHash } from 'node:crypto';
import path from 'node:path';

/** Where an entity's catalog-info.yaml lives, as far as proposing a change goes. */
export type Source =
  | { type: 'local-git'; repository: string; path: string; location: string }
  | {
      type: 'github' | 'gitlab';
      /** `owner/repo` on GitHub, the project path on GitLab. */
      repository: string;
      /** The branch the location reads. */
      branch: string;
      path: string;
      /** The host of the integration. */
      host: string;
      location: string;
    }
  | {
      type: 'file';
      file: string;
      path: string;
      location: string;
      reason: string;
    }
  | {
      type: 'url';
      url: string;
      path: string;
      location: string;
      reason: string;
    };

const MANAGED_BY = 'backstage.io/managed-by-location';

/** The git blob hash of a text, as `git hash-object` writes it. */
export function blobHash(content: string): string {
  const body = Buffer.from(content, 'utf8');
  return createHash('sha1')
    .update(`blob ${body.length}\0`)
    .update(body)
    .digest('hex');
}

/** `owner/repo`, branch and path of a GitHub file URL (`/owner/repo/blob/main/catalog-info.yaml`). */
function parseGithub(url: URL) {
  const m = /^\/([^/]+)\/([^/]+)\/(?:blob|tree|edit)\/([^/]+)\/(.+)$/.exec(
    url.pathname,
  );
  return (
    m && {
      repository: `${m[1]}/${m[2]}`,
      branch: m[3],
      path: decodeURIComponent(m[4]),
    }
  );
}

/** Project path, branch and path of a GitLab file URL (`/group/project/-/blob/main/catalog-info.yaml`). */
function parseGitlab(url: URL) {
  const m = /^\/(.+?)\/-\/(?:blob|tree|edit)\/([^/]+)\/(.+)$/.exec(
    url.pathname,
  );
  return (
    m && { repository: m[1], branch: m[2], path: decodeURIComponent(m[3]) }
  );
}

/** The last two segments of a path on the portal host: enough to recognise it, no server layout. */
function shortFileName(file: string): string {
  return file.split(path.sep).slice(-2).join('/');
}

/**
 * The source of an entity's file, from `backstage.io/managed-by-location`: a repository the portal
 * created (inside the local git checkouts), GitHub or GitLab when an integration is configured for
 * the host, or a place the portal cannot open a change request (a file on the host, another URL).
 */
export function resolveSource(
  entity: Entity,
  options: {
    locateLocalGit: (
      file: string,
    ) => { repository: string; path: string } | undefined;
    integrations: ScmIntegrationRegistry;
  },
): Source | undefined {
  const location = entity.metadata.annotations?.[MANAGED_BY];
  if (!location) return undefined;
  const [type, ...rest] = location.split(':');
  const target = rest.join(':');
  if (type === 'file') {
    const local = options.locateLocalGit(target);
    if (local) return { type: 'local-git', ...local, location };
    return {
      type: 'file',
      file: target,
      path: shortFileName(target),
      location,
      reason:
        'The entity is read from a file on the portal host, not from a repository, so no change request can be made: apply the diff to the file and commit it where the file is kept.',
    };
  }
  if (type === 'url') {
    let url: URL;
    try {
      url = new URL(target);
    } catch {
      return undefined;
    }
    const integration = options.integrations.byUrl(url);
    let parsed: ReturnType<typeof parseGithub> | undefined;
    if (integration?.type === 'github') parsed = parseGithub(url);
    if (integration?.type === 'gitlab') parsed = parseGitlab(url);
    if (integration && parsed) {
      return {
        type: integration.type as 'github' | 'gitlab',
        ...parsed,
        host: url.host,
        location,
      };
    }
    return {
      type: 'url',
      url: target,
      path: url.pathname.split('/').slice(-1)[0] || url.pathname,
      location,
      reason: `No GitHub or GitLab integration is configured for ${url.host}, so the portal cannot open a pull request there: apply the diff to the file and propose it there.`,
    };
  }
  return undefined;
}
