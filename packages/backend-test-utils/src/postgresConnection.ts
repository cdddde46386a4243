/** The PostgreSQL server of the test run (`POSTGRES_*`, set by `scripts/portal test`). */
export function postgresConnection() {
  const { POSTGRES_HOST, POSTGRES_PORT, POSTGRES_USER, POSTGRES_PASSWORD } =
    process.env;
  if (!POSTGRES_HOST || !POSTGRES_PORT || !POSTGRES_USER) {
    throw new Error(
      'POSTGRES_HOST, POSTGRES_PORT, POSTGRES_USER and POSTGRES_PASSWORD must name a PostgreSQL server: run the tests with `scripts/portal test`',
    );
  }
  return {
    host: POSTGRES_HOST,
    port: Number(POSTGRES_PORT),
    user: POSTGRES_USER,
    password: POSTGRES_PASSWORD,
  };
}
