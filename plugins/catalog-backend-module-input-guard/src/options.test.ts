import { ConfigReader } from '@backstage/config';
import { defaultInputGuardOptions } from '@internal/plugin-catalog-input-guard-common';
import { readInputGuardOptions } from './options';

describe('readInputGuardOptions', () => {
  it('uses the defaults when nothing is configured', () => {
    expect(readInputGuardOptions(new ConfigReader({}))).toEqual(
      defaultInputGuardOptions,
    );
  });

  it('reads configured limits', () => {
    expect(
      readInputGuardOptions(
        new ConfigReader({
          catalog: { inputGuard: { maxFileBytes: 1000, maxDepth: 8 } },
        }),
      ),
    ).toEqual({ maxFileBytes: 1000, maxDepth: 8 });
  });

  it.each([0, -1, 1.5])('refuses %p, naming the key and the fix', value => {
    expect(() =>
      readInputGuardOptions(
        new ConfigReader({ catalog: { inputGuard: { maxDepth: value } } }),
      ),
    ).toThrow(
      `catalog.inputGuard.maxDepth: must be a whole number above 0, got ${value}; remove it to use the default 32`,
    );
  });
});
