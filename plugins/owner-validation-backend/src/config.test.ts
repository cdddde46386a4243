import { ConfigReader } from '@backstage/config';
import { readOwnerValidationConfig } from './config';

describe('readOwnerValidationConfig', () => {
  it('has defaults in code', () => {
    expect(readOwnerValidationConfig(new ConfigReader({}))).toEqual({
      schedule: {
        frequency: { cron: '30 3 * * *' },
        timeout: { hours: 1 },
      },
      changesSchedule: {
        frequency: { seconds: 2 },
        timeout: { minutes: 2 },
        initialDelay: { seconds: 10 },
      },
      severities: {},
      departedMarker: { key: undefined, value: undefined },
      notify: { enabled: true, fallbackGroup: undefined },
    });
  });

  it('reads every setting', () => {
    const config = readOwnerValidationConfig(
      new ConfigReader({
        ownerValidation: {
          schedule: { frequency: { seconds: 10 }, timeout: { minutes: 1 } },
          severities: { userOwner: 'off', emptyGroup: 'warning' },
          departedMarker: { key: 'acme.io/left', value: 'yes' },
          notify: { enabled: false, fallbackGroup: 'platform' },
        },
      }),
    );
    expect(config).toMatchObject({
      schedule: { frequency: { seconds: 10 }, timeout: { minutes: 1 } },
      severities: { userOwner: 'off', emptyGroup: 'warning' },
      departedMarker: { key: 'acme.io/left', value: 'yes' },
      notify: { enabled: false, fallbackGroup: 'group:default/platform' },
    });
  });

  it.each([
    [
      { severities: { sadness: 'error' } },
      "Unknown finding type 'ownerValidation.severities.sadness'",
    ],
    [
      { severities: { userOwner: 'fatal' } },
      "Invalid 'ownerValidation.severities.userOwner': 'fatal'",
    ],
    [
      { notify: { fallbackGroup: 'a:b:c' } },
      "Invalid 'ownerValidation.notify.fallbackGroup'",
    ],
  ])('refuses %j', (ownerValidation, message) => {
    expect(() =>
      readOwnerValidationConfig(new ConfigReader({ ownerValidation })),
    ).toThrow(message);
  });
});
