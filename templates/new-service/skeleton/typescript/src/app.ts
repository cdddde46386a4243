import http from 'node:http';
{%- if values.database %}
import { databaseConfig } from './db/config.ts';
{%- endif %}

/** Request counts by path and status, served in the Prometheus text format on /metrics. */
const requests = new Map<string, number>();

function count(path: string, status: number) {
  const key = `path="${path}",status="${status}"`;
  requests.set(key, (requests.get(key) ?? 0) + 1);
}

function metrics(): string {
  const lines = [
    '# HELP http_requests_total HTTP requests served.',
    '# TYPE http_requests_total counter',
  ];
  for (const [labels, value] of requests) {
    lines.push(`http_requests_total{${labels}} ${value}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The ${{ values.name }} HTTP service: hello, /health and /metrics. */
export function createApp(): http.Server {
  return http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    let status = 200;
    if (path === '/health') {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: 'ok' }));
    } else if (path === '/metrics') {
      res.writeHead(status, { 'content-type': 'text/plain; version=0.0.4' });
      res.end(metrics());
    } else if (path === '/') {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: 'Hello from ${{ values.name }}' }));
    } else {
      status = 404;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'Not found' }));
    }
    count(path, status);
  });
}
{%- if values.database %}

/** Where the database is; the service connects with a PostgreSQL client of your choice. */
export const database = databaseConfig(process.env);
{%- endif %}
