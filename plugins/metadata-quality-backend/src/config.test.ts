import { ConfigReader } from '@backstage/config';
import { readQualityConfig } from './config';

describe('readQualityConfig', () => {
  it('uses the defaults without config', () => {
    const config = readQualityConfig(new ConfigReader({}));
    expect(config.rules.map(r => r.id)).toContain('owner-valid');
    expect(config.levels.map(l => l.name)).toEqual([
      'Bronze',
      'Silver',
      'Gold',
    ]);
    expect(config.retentionDays).toBe(90);
    expect(config.schedule.frequency).toEqual({ cron: '0 3 * * *' });
    expect(config.verification.maxAgeDays).toBe(180);
    expect(config.exemptions.maxDays).toBe(90);
    expect(
      config.rules.find(r => r.id === 'confirmed-recently')?.check,
    ).toEqual({ type: 'confirmed', maxAgeDays: 180 });
  });

  it('reads how far ahead an exemption may end', () => {
    expect(
      readQualityConfig(
        new ConfigReader({ metadataQuality: { exemptions: { maxDays: 30 } } }),
      ).exemptions.maxDays,
    ).toBe(30);
    expect(() =>
      readQualityConfig(
        new ConfigReader({ metadataQuality: { exemptions: { maxDays: -1 } } }),
      ),
    ).toThrow(/metadataQuality.exemptions.maxDays/);
  });

  it('reads when the owners are reminded of an initiative deadline', () => {
    expect(
      readQualityConfig(new ConfigReader({})).initiatives.remindDaysBefore,
    ).toEqual([14, 3]);
    expect(
      readQualityConfig(
        new ConfigReader({
          metadataQuality: { initiatives: { remindDaysBefore: [7] } },
        }),
      ).initiatives.remindDaysBefore,
    ).toEqual([7]);
    expect(() =>
      readQualityConfig(
        new ConfigReader({
          metadataQuality: { initiatives: { remindDaysBefore: [0] } },
        }),
      ),
    ).toThrow(/metadataQuality.initiatives.remindDaysBefore/);
  });

  it('reads how long a confirmation lasts', () => {
    const config = readQualityConfig(
      new ConfigReader({
        metadataQuality: { verification: { maxAgeDays: 30 } },
      }),
    );
    expect(
      config.rules.find(r => r.id === 'confirmed-recently')?.check,
    ).toEqual({ type: 'confirmed', maxAgeDays: 30 });
    expect(() =>
      readQualityConfig(
        new ConfigReader({
          metadataQuality: { verification: { maxAgeDays: 0 } },
        }),
      ),
    ).toThrow(/metadataQuality.verification.maxAgeDays/);
  });

  it('reads rules, levels, schedules and retention', () => {
    const config = readQualityConfig(
      new ConfigReader({
        metadataQuality: {
          defaultRules: false,
          rules: [
            {
              id: 'has-pagerduty',
              title: 'Has PagerDuty',
              check: {
                type: 'annotationPresent',
                annotation: 'pagerduty.com/service-id',
              },
              weight: 1,
              howToFix: 'Add it',
            },
          ],
          levels: [{ name: 'Good', minScore: 80 }],
          schedule: { frequency: { minutes: 5 }, timeout: { minutes: 1 } },
          retentionDays: 30,
        },
      }),
    );
    expect(config.rules.map(r => r.id)).toEqual(['has-pagerduty']);
    expect(config.levels).toEqual([{ name: 'Good', minScore: 80 }]);
    expect(config.schedule.frequency).toEqual({ minutes: 5 });
    expect(config.retentionDays).toBe(30);
  });

  it('fails naming the rule and field that cannot be read', () => {
    expect(() =>
      readQualityConfig(
        new ConfigReader({
          metadataQuality: {
            rules: [
              {
                id: 'x',
                title: 'X',
                check: { type: 'foo' },
                weight: 1,
                howToFix: 'x',
              },
            ],
          },
        }),
      ),
    ).toThrow("metadataQuality.rules[0].check.type: unknown check type 'foo'");
  });
});
