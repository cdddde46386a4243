/** Polls `check` until it returns a truthy value, or throws after `ms` naming `what`. */
export async function poll<T>(
  what: string,
  check: () => Promise<T | undefined | false>,
  ms: number,
  every = 500,
): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value) return value;
    } catch (e) {
      last = e;
    }
    await new Promise(r => setTimeout(r, every));
  }
  throw new Error(
    `Timed out after ${ms / 1000} s waiting for ${what}${
      last ? `: ${last}` : ''
    }`,
  );
}
