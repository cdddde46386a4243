import { Knex } from 'knex';

/** The PostgreSQL notification channel an enqueue notifies once it commits. */
export const QUEUED_CHANNEL = 'catalog_changes_queued';

const RECONNECT_MS = 5_000;
const KEEPALIVE_MS = 60_000;

/**
 * Tells listeners in this process when changes were queued by any process sharing the queue: one
 * connection per process LISTENs on {@link QUEUED_CHANNEL}, opened with the first listener.
 * Listeners are also called whenever a notification may have been missed (the connection is
 * opened, lost, or cannot be opened, then every few seconds until it is back), so a consumer
 * that drains when called never waits on a change it was not told of.
 */
export class QueueNotifications {
  private readonly listeners = new Set<() => void>();
  private connection: any;
  private connecting = false;
  private closed = false;
  private reconnectTimer?: NodeJS.Timeout;
  private keepaliveTimer?: NodeJS.Timeout;

  constructor(private readonly db: Knex) {}

  /** Calls `listener` as described above; returns a function that stops calling it. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    void this.connect();
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Closes the connection; listeners are no longer called. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.reconnectTimer);
    clearInterval(this.keepaliveTimer);
    const connection = this.connection;
    this.connection = undefined;
    if (connection) await this.destroy(connection);
  }

  private notifyAll() {
    for (const listener of this.listeners) {
      try {
        listener();
      } catch {
        // A listener's failure is its own; the others are still told.
      }
    }
  }

  private async connect(): Promise<void> {
    if (this.closed || this.connection || this.connecting) return;
    this.connecting = true;
    let connection: any;
    try {
      connection = await this.db.client.acquireRawConnection();
      await connection.query(`LISTEN ${QUEUED_CHANNEL}`);
    } catch {
      if (connection) await this.destroy(connection);
      this.connecting = false;
      this.lost();
      return;
    }
    this.connecting = false;
    if (this.closed) {
      await this.destroy(connection);
      return;
    }
    this.connection = connection;
    const onLost = () => {
      if (this.connection !== connection) return;
      this.connection = undefined;
      clearInterval(this.keepaliveTimer);
      void this.destroy(connection);
      this.lost();
    };
    connection.on('notification', () => this.notifyAll());
    connection.on('error', onLost);
    connection.on('end', onLost);
    // A connection dropped without a TCP reset is only noticed by using it.
    this.keepaliveTimer = setInterval(() => {
      connection.query('SELECT 1').catch(onLost);
    }, KEEPALIVE_MS);
    this.keepaliveTimer.unref();
    // Changes queued before LISTEN took effect were not notified.
    this.notifyAll();
  }

  /** Without a connection, notifications may be missed: listeners are called until it is back. */
  private lost() {
    if (this.closed) return;
    this.notifyAll();
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = setTimeout(() => void this.connect(), RECONNECT_MS);
    this.reconnectTimer.unref();
  }

  private async destroy(connection: any) {
    connection.removeAllListeners?.();
    // An error after its listeners are removed must not crash the process.
    connection.on?.('error', () => {});
    await this.db.client.destroyRawConnection(connection).catch(() => {});
  }
}
