/** Database connection, from DATABASE_URL (compose.yaml runs a local PostgreSQL). */
export function databaseConfig(env: Record<string, string | undefined>) {
  const url = new URL(
    env.DATABASE_URL ??
      'postgres://${{ values.name | replace("-", "_") }}:localdev@localhost:5432/${{ values.name | replace("-", "_") }}',
  );
  return {
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username),
    database: url.pathname.slice(1),
  };
}
