/** The host of a URL, or the URL itself when it is not one. */
function hostOf(url: string) {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

const NO_NETWORK =
  /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET|EHOSTUNREACH|ENETUNREACH|fetch failed|socket hang up/i;

/**
 * Says in a developer's words why a URL could not be analysed: which host the portal may not
 * read and where that is configured, that nothing answers there, or that there is no file. Other
 * errors (such as the catalog's YAML errors with their excerpt) are kept, without stack lines.
 */
export function explainAnalyzeError(error: unknown): string {
  const e = error as {
    name?: string;
    message?: string;
    body?: { error?: { message?: string } };
  };
  const message = e?.body?.error?.message ?? e?.message ?? String(error);

  const notAllowed =
    /Reading from '([^']+)' is not allowed/.exec(message) ??
    /URL not allowed by backend\.reading\.allow configuration: (\S+)/.exec(
      message,
    );
  if (notAllowed) {
    const host = hostOf(notAllowed[1]);
    return `The portal is not allowed to read from ${host}. Its admins allow a host in app-config.yaml: under integrations (GitHub, GitLab, Bitbucket and others, with a token) or, for plain HTTP servers, under backend.reading.allow with "- host: ${host}".`;
  }
  const noFile = /no matching files found for (https?:\/\/[^\s,]+)/.exec(
    message,
  );
  if (noFile) {
    return `There is no file at ${noFile[1]}: check the path, the branch and the file name.`;
  }
  const unreadable =
    /(?:Unable to read|could not read) (https?:\/\/[^\s,]+),? ?(.*)$/m.exec(
      message,
    );
  if (unreadable && /\b404\b/.test(unreadable[2])) {
    return `There is no file at ${unreadable[1]} (404 Not Found): check the path, the branch and the file name.`;
  }
  if (unreadable && /\b40[13]\b/.test(unreadable[2])) {
    return `${hostOf(
      unreadable[1],
    )} refused to give the portal the file (${unreadable[2].trim()}): the integration's token for that host is missing or may not read the repository.`;
  }
  if (NO_NETWORK.test(message)) {
    const host = unreadable ? hostOf(unreadable[1]) : 'the host';
    return `The portal could not reach ${host}: there is no network connection from the portal to it, or nothing answers there.`;
  }
  if (
    e?.name === 'TypeError' &&
    /failed to fetch|networkerror/i.test(message)
  ) {
    return 'The portal did not answer: check your network connection and try again.';
  }
  return message
    .split('\n')
    .filter(line => !/^\s+at /.test(line))
    .join('\n')
    .trim();
}
