import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatMinorUnits } from './index.ts';

test('formats minor units', () => {
  assert.equal(formatMinorUnits(12345), '123.45');
  assert.equal(formatMinorUnits(-5), '-0.05');
  assert.equal(formatMinorUnits(7, 0), '7');
  assert.throws(() => formatMinorUnits(1.5), TypeError);
});
