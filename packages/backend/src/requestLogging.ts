import { LoggerService } from '@backstage/backend-plugin-api';
import { Request, RequestHandler, Response } from 'express';

/**
 * Whether a request is a successful read by another backend process (a plugin's periodic pass, a
 * replica): Node's fetch says `node` as its user agent, browsers and tools say otherwise.
 */
export function isInternalRead(req: Request, res: Response): boolean {
  const agent = req.headers['user-agent'] ?? '';
  return (
    (req.method === 'GET' || req.method === 'HEAD' || isQuery(req)) &&
    res.statusCode < 400 &&
    /^(node|node-fetch|undici)\b/.test(agent)
  );
}

// The catalog's by-query and by-refs reads are POSTs.
function isQuery(req: Request) {
  return (
    req.method === 'POST' &&
    /\/api\/catalog\/entities\/by-(refs|query)/.test(req.originalUrl ?? '')
  );
}

/**
 * The access log of Backstage's root HTTP router, with successful internal reads at `debug`: the
 * development log then shows what people and tools do, not a line every 3 seconds for each
 * periodic pass. Everything else stays at `info`, with the same message and fields.
 */
export function accessLog(logger: LoggerService): RequestHandler {
  return (req, res, next) => {
    res.on('finish', () => {
      const meta = {
        method: req.method,
        url: req.originalUrl ?? req.url,
        status: res.statusCode,
        httpVersion: `${req.httpVersionMajor}.${req.httpVersionMinor}`,
        userAgent: req.headers['user-agent'],
      };
      const line = `"${meta.method} ${meta.url} HTTP/${meta.httpVersion}" ${
        meta.status
      } ${res.getHeader('content-length') ?? 0} "-" "${meta.userAgent ?? '-'}"`;
      const fields = { type: 'incomingRequest', ...meta };
      if (isInternalRead(req, res)) logger.debug(line, fields);
      else logger.info(line, fields);
    });
    next();
  };
}
