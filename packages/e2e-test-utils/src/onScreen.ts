import { Locator, expect } from '@playwright/test';

/** Options of {@link expectOnScreen}. */
export interface OnScreenOptions {
  /** How long to wait for the element to be seen; the expect timeout by default. */
  timeout?: number;
  /** Scroll the element into view first, as a reader would; true by default. */
  scroll?: boolean;
}

/** Why a person would not see the element, or undefined when they would. Runs in the page. */
function whyNotSeen(element: Element): string | undefined {
  const win = element.ownerDocument.defaultView!;
  let opacity = 1;
  // Walk up through shadow roots too: TechDocs renders into one, and its host's opacity counts.
  for (let node: Node | null = element; node; ) {
    if (node instanceof win.Element) {
      const style = win.getComputedStyle(node);
      if (style.display === 'none')
        return `an ancestor <${node.tagName.toLowerCase()}> has display: none`;
      opacity *= Number(style.opacity);
      node = node.parentNode;
    } else if (node instanceof win.ShadowRoot) {
      node = node.host;
    } else {
      node = node.parentNode;
    }
  }
  if (opacity < 0.99) return `its effective opacity is ${opacity.toFixed(2)}`;
  const style = win.getComputedStyle(element);
  if (style.visibility !== 'visible')
    return `its visibility is ${style.visibility}`;
  const box = element.getBoundingClientRect();
  if (box.width < 1 || box.height < 1)
    return `its box is ${box.width}x${box.height}`;
  const viewport = { width: win.innerWidth, height: win.innerHeight };
  if (
    box.right <= 0 ||
    box.bottom <= 0 ||
    box.left >= viewport.width ||
    box.top >= viewport.height
  ) {
    return `it lies outside the ${viewport.width}x${
      viewport.height
    } viewport (at ${Math.round(box.left)},${Math.round(box.top)})`;
  }
  // Something drawn over its centre (a dialog, a backdrop) hides it.
  const x = Math.min(Math.max(box.left + box.width / 2, 0), viewport.width - 1);
  const y = Math.min(
    Math.max(box.top + box.height / 2, 0),
    viewport.height - 1,
  );
  const root = element.getRootNode() as Document | ShadowRoot;
  const hit = root.elementFromPoint(x, y);
  if (
    hit &&
    hit !== element &&
    !element.contains(hit) &&
    !hit.contains(element)
  ) {
    return `it is covered by <${hit.tagName.toLowerCase()}${
      hit.className && typeof hit.className === 'string'
        ? ` class="${hit.className}"`
        : ''
    }>`;
  }
  return undefined;
}

/**
 * Asserts that a person would see the element: rendered, fully opaque (itself and every ancestor,
 * across shadow roots), a non-empty box inside the viewport, not covered by another element.
 * Playwright's `toBeVisible` accepts an element at opacity 0; this does not.
 */
export async function expectOnScreen(
  locator: Locator,
  options: OnScreenOptions = {},
) {
  const { timeout, scroll = true } = options;
  let reason: string | undefined = 'it was not found';
  await expect(async () => {
    await expect(locator).toBeVisible({ timeout: 1_000 });
    if (scroll) await locator.scrollIntoViewIfNeeded({ timeout: 1_000 });
    reason = await locator.evaluate(whyNotSeen);
    expect(reason, `${locator} is not on screen: ${reason}`).toBeUndefined();
  }, `${locator} should be on screen`).toPass({ timeout: timeout ?? 30_000 });
  return reason;
}
