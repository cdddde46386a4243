import { mockServices } from '@backstage/backend-test-utils';
import express from 'express';
import { AddressInfo } from 'node:net';
import { accessLog } from './requestLogging';

describe('accessLog', () => {
  it("logs another backend's successful reads at debug and everything else at info", async () => {
    const logger = mockServices.logger.mock();
    const app = express();
    app.use(accessLog(logger));
    app.get('/api/catalog/entities', (_req, res) => {
      res.json([]);
    });
    app.post('/api/catalog/entities/by-query', (_req, res) => {
      res.json({ items: [] });
    });
    app.post('/api/catalog/locations', (_req, res) => {
      res.status(201).json({});
    });
    const server = app.listen(0);
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      // Node's own fetch, as a plugin's periodic pass makes it.
      await fetch(`${base}/api/catalog/entities`);
      await fetch(`${base}/api/catalog/entities/by-query`, { method: 'POST' });
      // A browser reading, and a backend writing: both worth a line.
      await fetch(`${base}/api/catalog/entities`, {
        headers: { 'user-agent': 'Mozilla/5.0 Chrome/131' },
      });
      await fetch(`${base}/api/catalog/locations`, { method: 'POST' });
      await fetch(`${base}/api/catalog/missing`);
      await new Promise(r => setTimeout(r, 50));
    } finally {
      server.close();
    }
    const lines = (fn: jest.Mock) => fn.mock.calls.map(c => c[0] as string);
    expect(lines(logger.debug as jest.Mock)).toEqual([
      expect.stringMatching(
        /^"GET \/api\/catalog\/entities HTTP\/1.1" 200 .* "node"$/,
      ),
      expect.stringMatching(
        /^"POST \/api\/catalog\/entities\/by-query HTTP\/1.1" 200 /,
      ),
    ]);
    expect(lines(logger.info as jest.Mock)).toEqual([
      expect.stringMatching(
        /^"GET \/api\/catalog\/entities HTTP\/1.1" 200 .*Chrome/,
      ),
      expect.stringMatching(/^"POST \/api\/catalog\/locations HTTP\/1.1" 201 /),
      expect.stringMatching(/^"GET \/api\/catalog\/missing HTTP\/1.1" 404 /),
    ]);
  });
});
