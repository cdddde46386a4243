import { WarningPanel } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  FINDING_TYPE_TITLES,
  OwnerFinding,
} from '@internal/plugin-owner-validation-common';
import Box from '@material-ui/core/Box';
import { ReactNode } from 'react';
import { FindingMessage } from './FindingMessage';
import { RefusedOwnerLink } from './RefusedOwnerLink';

/** One owner finding: its problem, the suggested owner, and anything the caller adds below. */
export function FindingWarning(props: {
  finding: Pick<
    OwnerFinding,
    'type' | 'severity' | 'message' | 'suggestedOwner' | 'ownerRef'
  >;
  title?: string;
  children?: ReactNode;
}) {
  const { finding } = props;
  return (
    <WarningPanel
      severity={finding.severity}
      title={props.title ?? FINDING_TYPE_TITLES[finding.type]}
      defaultExpanded
      message={
        <>
          <Box component="span" display="block">
            <FindingMessage finding={finding} />.
          </Box>
          <Box component="span" display="block">
            <RefusedOwnerLink finding={finding} />
          </Box>
          {finding.suggestedOwner ? (
            <Box component="span" display="block">
              Suggested owner:{' '}
              <EntityRefLink entityRef={finding.suggestedOwner} />
            </Box>
          ) : null}
          {props.children}
        </>
      }
    />
  );
}
