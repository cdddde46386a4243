import { explainAnalyzeError } from './explainAnalyzeError';

describe('explainAnalyzeError', () => {
  it('names the host the portal may not read and what to configure', () => {
    const text = explainAnalyzeError({
      body: {
        error: {
          message:
            "Reading from 'https://git.internal.example/team/repo/catalog-info.yaml' is not allowed. You may need to configure an integration for the target host, or add it to the configured list of allowed hosts at 'backend.reading.allow'",
        },
      },
    });
    expect(text).toBe(
      'The portal is not allowed to read from git.internal.example. Its admins allow a host in app-config.yaml: under integrations (GitHub, GitLab, Bitbucket and others, with a token) or, for plain HTTP servers, under backend.reading.allow with "- host: git.internal.example".',
    );
  });

  it('says there is no network to the host', () => {
    expect(
      explainAnalyzeError(
        new Error(
          'Unable to read http://localhost:7999/x/catalog-info.yaml, TypeError: fetch failed: connect ECONNREFUSED 127.0.0.1:7999',
        ),
      ),
    ).toBe(
      'The portal could not reach localhost:7999: there is no network connection from the portal to it, or nothing answers there.',
    );
    expect(
      explainAnalyzeError(
        Object.assign(new TypeError('Failed to fetch'), { name: 'TypeError' }),
      ),
    ).toBe(
      'The portal did not answer: check your network connection and try again.',
    );
  });

  it('says when there is no file at the URL', () => {
    expect(
      explainAnalyzeError(
        new Error(
          'NotFoundError: Unable to read url, no matching files found for http://localhost:7081/nothing-here/catalog-info.yaml',
        ),
      ),
    ).toBe(
      'There is no file at http://localhost:7081/nothing-here/catalog-info.yaml: check the path, the branch and the file name.',
    );
    expect(
      explainAnalyzeError(
        new Error(
          'Unable to read url, NotFoundError: could not read http://localhost:7081/nope.yaml, 404 Not Found',
        ),
      ),
    ).toBe(
      'There is no file at http://localhost:7081/nope.yaml (404 Not Found): check the path, the branch and the file name.',
    );
  });

  it('keeps anything else as it is, without stack lines', () => {
    expect(
      explainAnalyzeError(
        new Error(
          'url:x: the document is not valid YAML at line 4:\n\n  name: a\nFix the indentation\n    at parse (/srv/app.js:1:1)',
        ),
      ),
    ).toBe(
      'url:x: the document is not valid YAML at line 4:\n\n  name: a\nFix the indentation',
    );
  });
});
