import { Locator, expect } from '@playwright/test';

/**
 * The places where the rendered text of the element moves to a new line, as the characters before
 * each break: measured with Range rects, so it is what a reader sees, not the DOM.
 */
export async function lineBreaks(locator: Locator): Promise<string[]> {
  return locator.evaluate(element => {
    const breaks: string[] = [];
    const walker = element.ownerDocument.createTreeWalker(
      element,
      NodeFilter.SHOW_TEXT,
    );
    let previousTop: number | undefined;
    // The characters since the last one drawn: a space the line wrapped at is not drawn.
    let between = '';
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      for (let i = 0; i < text.length; i++) {
        const range = element.ownerDocument.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rect = range.getClientRects()[0];
        if (!rect || rect.width === 0 || /\s/.test(text[i])) {
          between += text[i];
          continue;
        }
        if (
          previousTop !== undefined &&
          rect.top > previousTop + rect.height / 2
        ) {
          breaks.push(between.length ? between : text[i - 1] ?? '');
        }
        previousTop = rect.top;
        between = '';
        if (text[i] === '-') between = '-';
      }
    }
    return breaks;
  });
}

/** Asserts the element's text wraps only between words (a space or a dash), never inside a word. */
export async function expectWrapsAtSpacesOnly(locator: Locator) {
  const text = (await locator.textContent()) ?? '';
  const breaks = await lineBreaks(locator);
  expect(
    breaks.filter(gap => !/^[\s-]+$/.test(gap)),
    `'${text}' breaks inside a word`,
  ).toEqual([]);
}

/** The number of lines the element's text takes on screen. */
export async function lineCount(locator: Locator): Promise<number> {
  return (await lineBreaks(locator)).length + 1;
}
