import net, { AddressInfo } from 'node:net';

/** A TCP port nothing listens on now, so several checkouts can run the backend tests at once. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise(r => server.close(r));
  return port;
}
