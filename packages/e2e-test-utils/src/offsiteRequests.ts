import { Page, expect } from '@playwright/test';

/** The requests of a page that went to a host other than the portal. */
export interface OffsiteRequests {
  /** Every such URL seen so far. */
  urls(): string[];
  /** Fails, listing them, when there was any. */
  expectNone(): void;
}

/**
 * Records every request of the page (and its frames and workers) whose origin is not the portal's,
 * so a test can show that a page needs nothing from the internet.
 */
export function watchOffsiteRequests(
  page: Page,
  portalUrl: string,
): OffsiteRequests {
  const portal = new URL(portalUrl).origin;
  const seen: string[] = [];
  page.context().on('request', request => {
    const url = request.url();
    if (/^(data|blob|about|chrome-extension):/.test(url)) return;
    if (new URL(url).origin !== portal) seen.push(url);
  });
  return {
    urls: () => [...seen],
    expectNone() {
      expect(seen, `requests left the portal (${portal})`).toEqual([]);
    },
  };
}
