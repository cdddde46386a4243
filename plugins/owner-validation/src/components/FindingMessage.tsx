import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type { OwnerFinding } from '@internal/plugin-owner-validation-common';

/**
 * A finding's message as people read it: the owner's quoted ref (`'user:default/jane'`) becomes a
 * link showing the owner's name as the catalog shows it. Messages without the owner stay as they are.
 */
export function FindingMessage(props: {
  finding: Pick<OwnerFinding, 'message' | 'ownerRef'>;
}) {
  const { message, ownerRef } = props.finding;
  const quoted = ownerRef ? `'${ownerRef}'` : undefined;
  const at = quoted ? message.indexOf(quoted) : -1;
  if (!ownerRef || !quoted || at < 0) return <>{message}</>;
  return (
    <>
      {message.slice(0, at)}
      <EntityRefLink entityRef={ownerRef} />
      {message.slice(at + quoted.length)}
    </>
  );
}
