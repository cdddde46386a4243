import { Fix } from '@internal/plugin-catalog-fixes-common';
import { Button } from '@material-ui/core';
import { useState } from 'react';
import { ProposeFixDialog } from './ProposeFixDialog';

/**
 * "Propose fix" next to a finding or a failing check: opens a dialog with the exact diff of the
 * entity's catalog-info.yaml and, on confirm, the change request.
 */
export function ProposeFixButton(props: {
  /** The entity, `kind:namespace/name`. */
  entityRef: string;
  fix: Fix;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        size="small"
        variant="outlined"
        color="primary"
        onClick={() => setOpen(true)}
      >
        Propose fix
      </Button>
      {open && (
        <ProposeFixDialog
          entityRef={props.entityRef}
          fix={props.fix}
          open={open}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
