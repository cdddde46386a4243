// Waits until the catalog has processed the examples the tests read, so no page loads a half-filled
// catalog (the backend reports ready before its first processing pass is done).
const baseURL = `http://localhost:${process.env.PORTAL_E2E_PORT ?? 7007}`;

const needed = [
  'component/default/payments-service',
  'component/default/checkout-web',
  'component/default/fraud-scoring-service',
  'api/default/payments-api',
  'group/default/payments',
  'system/default/payments',
];

export default async function globalSetup() {
  const deadline = Date.now() + 180_000;
  const refresh = await fetch(`${baseURL}/api/auth/guest/refresh`, {
    headers: { 'x-requested-with': 'XMLHttpRequest' },
  });
  const token = (await refresh.json()).backstageIdentity.token;
  for (const ref of needed) {
    for (;;) {
      const res = await fetch(
        `${baseURL}/api/catalog/entities/by-name/${ref}`,
        {
          headers: { authorization: `Bearer ${token}` },
        },
      );
      // Relations are stitched after the entity is first stored; the owner relation comes last.
      if (res.ok && (await res.json()).relations?.length) break;
      if (Date.now() > deadline) {
        throw new Error(`The catalog did not serve '${ref}' within 3 minutes`);
      }
      await new Promise(r => setTimeout(r, 1000));
    }
  }
}
