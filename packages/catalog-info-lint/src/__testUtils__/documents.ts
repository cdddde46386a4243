/** Group team-a and its one member, User ada, as the text of an org file. */
export const TEAM_A = `apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: team-a
spec:
  type: team
  children: []
  members: [ada]
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata:
  name: ada
spec:
  memberOf: [team-a]
`;

/**
 * The text of a catalog-info.yaml with one production Component `name` of `type` owned by
 * `owner` (at line 8, or 9 with a `description`), with `extra` spec lines at its end.
 */
export function componentYaml(
  name: string,
  options: {
    type: string;
    owner: string;
    description?: string;
    extra?: string;
  },
) {
  const { type, owner, description, extra = '' } = options;
  return `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
${description ? `  description: ${description}\n` : ''}spec:
  type: ${type}
  lifecycle: production
  owner: ${owner}
${extra}`;
}
