import { InitiativeRequest } from '@internal/plugin-metadata-quality-common';

/** The checks an initiative's own rule can use from the form, with the field each one needs. */
export const OWN_CHECKS = {
  linkPresent: { label: 'Has a link matching', field: 'match' },
  annotationPresent: { label: 'Has the annotation', field: 'annotation' },
  fieldPresent: { label: 'Has the field', field: 'path' },
} as const;

/** One of {@link OWN_CHECKS}. */
export type OwnCheck = keyof typeof OWN_CHECKS;

/** What the create form holds, as typed. */
export interface InitiativeFormValues {
  title: string;
  description: string;
  ruleIds: string[];
  ownRule: { title: string; check: OwnCheck; value: string };
  target: Record<'kinds' | 'types' | 'lifecycles' | 'tags' | 'owners', string>;
  startsAt: string;
  deadline: string;
}

const list = (text: string) =>
  text
    .split(',')
    .map(s => s.trim())
    .filter(Boolean);

/** "On-call link!" as a rule id: "on-call-link". */
function idOf(title: string): string {
  return (
    title
      .toLocaleLowerCase('en-US')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'own-rule'
  );
}

/** The request body of the form: comma-separated target lists split, an own rule only when titled. */
export function initiativeBody(v: InitiativeFormValues): InitiativeRequest {
  const target = Object.fromEntries(
    Object.entries(v.target)
      .map(([key, text]) => [key, list(text)] as const)
      .filter(([, values]) => values.length > 0),
  );
  const own = v.ownRule;
  return {
    title: v.title,
    ...(v.description.trim() ? { description: v.description } : {}),
    ruleIds: v.ruleIds,
    rules: own.title.trim()
      ? [
          {
            id: idOf(own.title),
            title: own.title.trim(),
            check: {
              type: own.check,
              [OWN_CHECKS[own.check].field]: own.value,
            },
          },
        ]
      : [],
    target,
    startsAt: v.startsAt,
    deadline: v.deadline,
  };
}
