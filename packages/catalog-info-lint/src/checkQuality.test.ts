import { defaultInputGuardOptions } from '@internal/plugin-catalog-input-guard-common';
import {
  DEFAULT_LEVELS,
  DEFAULT_RULES,
} from '@internal/plugin-metadata-quality-common';
import { checkInput } from './checkInput';
import { checkQuality } from './checkQuality';

const settings = {
  rules: DEFAULT_RULES,
  levels: DEFAULT_LEVELS,
  now: new Date('2026-12-01'),
};

const parse = (text: string) =>
  checkInput('c.yaml', Buffer.from(text), defaultInputGuardOptions).entities[0];

const full = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: a
  description: Does a.
  annotations:
    backstage.io/techdocs-ref: dir:.
    backstage.io/source-location: url:https://git.example/a
  links:
    - url: https://runbook.example
      title: Runbook
    - url: https://dash.example
      title: Dashboard
spec:
  type: service
  lifecycle: production
  owner: team-a
  system: s
  providesApis: [a-api]
`;

describe('checkQuality', () => {
  it('gives the score the portal would give, with no findings when every rule passes', () => {
    const { score, findings } = checkQuality(
      'c.yaml',
      parse(full),
      settings,
      undefined,
    );
    expect(score).toEqual({
      file: 'c.yaml',
      line: 1,
      entityRef: 'component:default/a',
      score: 100,
      level: 'Gold',
    });
    expect(findings).toEqual([]);
  });

  it('reports each failing rule as a notice at the field it reads', () => {
    const { score, findings } = checkQuality(
      'c.yaml',
      parse(full.replace('  description: Does a.\n', '')),
      settings,
      undefined,
    );
    expect(score.score).toBe(89.5);
    expect(score.level).toBe('Silver');
    expect(findings).toEqual([
      expect.objectContaining({
        line: 3,
        severity: 'notice',
        check: 'quality',
        message: expect.stringMatching(/^Has a description \(2 of 19 points\)/),
      }),
    ]);
  });

  it('counts an owner error as owner validation reports it', () => {
    const { score, findings } = checkQuality('c.yaml', parse(full), settings, {
      type: 'departedUser',
      severity: 'error',
      message: "Owner 'user:default/x' has left",
    });
    expect(score.score).toBe(84.2);
    expect(findings[0].message).toContain("Owner 'user:default/x' has left");
  });
});
