import type { Request, RequestHandler } from 'express';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * Whether a request is a backend plugin calling another plugin of a backend on this host: it comes
 * from the loopback address with a plugin token (`typ` `vnd.backstage.plugin`, read from the
 * token's header without verifying it: this only decides whether to compress; the plugin's own
 * auth checks the token).
 */
export function isSameHostPluginRequest(req: Request): boolean {
  if (!LOOPBACK.has(req.socket?.remoteAddress ?? '')) return false;
  const header = /^Bearer ([\w-]+)\./i.exec(req.headers.authorization ?? '');
  if (!header) return false;
  try {
    const { typ } = JSON.parse(Buffer.from(header[1], 'base64url').toString());
    return typ === 'vnd.backstage.plugin';
  } catch {
    return false;
  }
}

/**
 * Backstage's response compression, left out for a plugin calling another plugin on this host
 * ({@link isSameHostPluginRequest}): there the answer is gzipped and unzipped again in the same
 * machine, often the same process. At 100,000 entities that was 2 s of CPU in each full quality
 * evaluation and full owner check (the catalog's pages, compressed for the plugin next to it).
 * People, tools and other hosts get compressed answers as before.
 */
export function compressionExceptSameHost(
  compression: RequestHandler,
): RequestHandler {
  return (req, res, next) =>
    isSameHostPluginRequest(req) ? next() : compression(req, res, next);
}
