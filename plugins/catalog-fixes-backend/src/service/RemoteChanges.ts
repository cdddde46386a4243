import {
  DefaultGithubCredentialsProvider,
  getGitLabRequestOptions,
  ScmIntegrationRegistry,
} from '@backstage/integration';
import { Octokit } from '@octokit/rest';
import { BaseFile } from './LocalGitChanges';

/** A file in a repository on GitHub or GitLab. */
export interface RemoteFile {
  type: 'github' | 'gitlab';
  host: string;
  repository: string;
  branch: string;
  path: string;
}

/** One file a pull or merge request changes: where, as it was read, and its new text. */
export interface RemoteFileChange {
  file: RemoteFile;
  base: BaseFile;
  content: string;
}

/** What opening a pull or merge request needs: files of one repository and branch. */
export interface RemoteProposal {
  files: RemoteFileChange[];
  branch: string;
  title: string;
  body: string;
}

/** An opened pull or merge request. */
export interface OpenedRemote {
  url: string;
  headCommit: string;
}

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const unb64 = (text: string) => Buffer.from(text, 'base64').toString('utf8');

/**
 * Pull requests on GitHub (through Octokit, as `publish:github:pull-request` does) and merge
 * requests on GitLab (its REST API), with the integrations' configuration and credentials. Their
 * merge reaches the portal through the catalog's normal refresh of the location.
 */
export class RemoteChanges {
  constructor(
    private readonly integrations: ScmIntegrationRegistry,
    private readonly fetchFn: typeof fetch = fetch,
  ) {}

  private async github(file: RemoteFile) {
    const integration = this.integrations.github.byHost(file.host);
    if (!integration) throw new Error(`No GitHub integration for ${file.host}`);
    const { token } = await DefaultGithubCredentialsProvider.fromIntegrations(
      this.integrations,
    ).getCredentials({ url: `https://${file.host}/${file.repository}` });
    const [owner, repo] = file.repository.split('/');
    const octokit = new Octokit({
      auth: token,
      baseUrl: integration.config.apiBaseUrl,
      request: { fetch: this.fetchFn },
    });
    return { octokit, owner, repo };
  }

  private async gitlab(file: RemoteFile, route: string, init?: RequestInit) {
    const integration = this.integrations.gitlab.byHost(file.host);
    if (!integration) throw new Error(`No GitLab integration for ${file.host}`);
    const project = encodeURIComponent(file.repository);
    const response = await this.fetchFn(
      `${integration.config.apiBaseUrl}/projects/${project}${route}`,
      {
        ...init,
        headers: {
          ...getGitLabRequestOptions(integration.config).headers,
          'Content-Type': 'application/json',
        },
      },
    );
    if (!response.ok) {
      throw new Error(
        `GitLab answered ${response.status} to ${init?.method ?? 'GET'} ${
          route.split('?')[0]
        }`,
      );
    }
    return response.json();
  }

  /** The file on the branch the location reads. */
  async read(file: RemoteFile): Promise<BaseFile> {
    if (file.type === 'github') {
      const { octokit, owner, repo } = await this.github(file);
      const { data: ref } = await octokit.git.getRef({
        owner,
        repo,
        ref: `heads/${file.branch}`,
      });
      const { data } = await octokit.repos.getContent({
        owner,
        repo,
        path: file.path,
        ref: ref.object.sha,
      });
      if (Array.isArray(data) || data.type !== 'file') {
        throw new Error(`${file.path} is not a file`);
      }
      return {
        content: unb64((data as { content: string }).content),
        baseHash: data.sha,
        baseCommit: ref.object.sha,
      };
    }
    const data = await this.gitlab(
      file,
      `/repository/files/${encodeURIComponent(
        file.path,
      )}?ref=${encodeURIComponent(file.branch)}`,
    );
    return {
      content: unb64(data.content),
      baseHash: data.blob_id,
      baseCommit: data.commit_id,
    };
  }

  /**
   * Opens the pull or merge request: a branch, the files changed on it (one commit on GitLab, one
   * per file on GitHub, whose contents API writes a file at a time), the request.
   */
  async open(proposal: RemoteProposal): Promise<OpenedRemote> {
    const { files, branch, title, body } = proposal;
    const [{ file, base }] = files;
    if (file.type === 'github') {
      const { octokit, owner, repo } = await this.github(file);
      await octokit.git.createRef({
        owner,
        repo,
        ref: `refs/heads/${branch}`,
        sha: base.baseCommit,
      });
      let headCommit = '';
      for (const change of files) {
        const { data: commit } = await octokit.repos.createOrUpdateFileContents(
          {
            owner,
            repo,
            path: change.file.path,
            branch,
            message: title,
            content: b64(change.content),
            // GitHub refuses the commit when the file is no longer this blob.
            sha: change.base.baseHash,
          },
        );
        headCommit = commit.commit.sha!;
      }
      const { data: pull } = await octokit.pulls.create({
        owner,
        repo,
        title,
        body,
        head: branch,
        base: file.branch,
      });
      return { url: pull.html_url, headCommit };
    }
    const commit = await this.gitlab(file, '/repository/commits', {
      method: 'POST',
      body: JSON.stringify({
        branch,
        start_sha: base.baseCommit,
        commit_message: title,
        actions: files.map(change => ({
          action: 'update',
          file_path: change.file.path,
          content: change.content,
          // GitLab refuses the commit when the file changed after this commit.
          last_commit_id: change.base.baseCommit,
        })),
      }),
    });
    const request = await this.gitlab(file, '/merge_requests', {
      method: 'POST',
      body: JSON.stringify({
        source_branch: branch,
        target_branch: file.branch,
        title,
        description: body,
        remove_source_branch: true,
      }),
    });
    return { url: request.web_url, headCommit: commit.id };
  }
}
