/**
 * The text of a catalog-info.yaml Component document named `name`: a production service, owned by
 * `owner` (none when left out), with `extra` lines appended to its spec.
 */
export const componentDocument = (
  name: string,
  options: { owner?: string; extra?: string } = {},
) => `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
spec:
  type: service
  lifecycle: production
${options.owner ? `  owner: ${options.owner}\n` : ''}${options.extra ?? ''}`;
