"""${{ values.name }}: ${{ values.description }}"""
import json
import os
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
{%- if values.database %}
from urllib.parse import urlparse

# compose.yaml runs a local PostgreSQL; other environments set DATABASE_URL.
DATABASE_URL = os.environ.get(
    "DATABASE_URL",
    "postgres://${{ values.name | replace("-", "_") }}:localdev@localhost:5432/${{ values.name | replace("-", "_") }}",
)


def database_config():
    url = urlparse(DATABASE_URL)
    return {"host": url.hostname, "port": url.port or 5432, "user": url.username, "database": url.path[1:]}
{%- endif %}

REQUESTS = Counter()


def metrics():
    lines = ["# HELP http_requests_total HTTP requests served.", "# TYPE http_requests_total counter"]
    for (path, status), value in REQUESTS.items():
        lines.append(f'http_requests_total{{path="{path}",status="{status}"}} {value}')
    return "\n".join(lines) + "\n"


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        path = self.path.split("?")[0]
        if path == "/health":
            status, body, kind = 200, json.dumps({"status": "ok"}), "application/json"
        elif path == "/metrics":
            status, body, kind = 200, metrics(), "text/plain; version=0.0.4"
        elif path == "/":
            status, body, kind = 200, json.dumps({"message": "Hello from ${{ values.name }}"}), "application/json"
        else:
            status, body, kind = 404, json.dumps({"error": "Not found"}), "application/json"
        REQUESTS[(path, status)] += 1
        self.send_response(status)
        self.send_header("content-type", kind)
        self.end_headers()
        self.wfile.write(body.encode())

    def log_message(self, format, *args):
        pass


def serve(port=None):
    return ThreadingHTTPServer(("", port if port is not None else int(os.environ.get("PORT", "8080"))), Handler)


if __name__ == "__main__":
    serve().serve_forever()
