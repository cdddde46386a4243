import { expect, test } from '@playwright/test';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Serves catalog files on `port` of 127.0.0.1 while the tests of the calling spec run
 * (app-config.e2e.yaml lets the backend read the e2e ports): `fileAt(urlPath)` is a file's text, or
 * undefined for a 404. Call it at the top of a spec file.
 */
export function serveCatalogFiles(
  port: number,
  fileAt: (urlPath: string) => string | Buffer | undefined,
) {
  let server: http.Server;
  test.beforeAll(async () => {
    server = http.createServer((req, res) => {
      const body = fileAt(req.url ?? '');
      res.writeHead(body === undefined ? 404 : 200, {
        'content-type': 'text/yaml',
      });
      res.end(body ?? 'not found');
    });
    await new Promise<void>(resolve =>
      server.listen(port, '127.0.0.1', resolve),
    );
    expect((server.address() as AddressInfo).port).toBe(port);
  });
  test.afterAll(async () => {
    await new Promise(resolve => server.close(resolve));
  });
}
