import { ResponseErrorPanel, WarningPanel } from '@backstage/core-components';
import { ResponseError } from '@backstage/errors';

/** A 403 as a plain "not allowed" message; any other error as the usual error panel. */
export function QualityErrorPanel(props: { error: Error }) {
  if (ResponseError.is(props.error) && props.error.statusCode === 403) {
    return (
      <WarningPanel
        severity="info"
        title="Not allowed"
        message="You are not allowed to see metadata quality scores. Ask the portal's admins for access."
      />
    );
  }
  return <ResponseErrorPanel error={props.error} />;
}
