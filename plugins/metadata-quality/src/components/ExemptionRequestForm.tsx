import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { ServedQualityRule } from '@internal/plugin-metadata-quality-common';
import { Box, Button, TextField, Typography } from '@material-ui/core';
import { useState } from 'react';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { metadataQualityApiRef } from '../api';
import { SelectField } from './SelectField';

/** An owner asks to exempt the entity from one rule, with a reason and an end date. */
export const ExemptionRequestForm = ({
  entityRef,
  rules,
}: {
  entityRef: { kind: string; namespace: string; name: string };
  /** The rules that apply to the entity. */
  rules: ServedQualityRule[];
}) => {
  const api = useApi(metadataQualityApiRef);
  const [ruleId, setRuleId] = useState('');
  const [reason, setReason] = useState('');
  const [until, setUntil] = useState('');
  const [state, submit] = useAsyncFn(
    () =>
      api.requestExemption({
        params: { path: entityRef },
        body: { ruleId, reason, until },
      }),
    [
      api,
      entityRef.kind,
      entityRef.namespace,
      entityRef.name,
      ruleId,
      reason,
      until,
    ],
  );
  return (
    <InfoCard title="Ask for an exemption">
      <Box
        display="flex"
        flexWrap="wrap"
        alignItems="flex-end"
        style={{ gap: 16 }}
      >
        <SelectField
          id="exemption-rule"
          label="Rule"
          minWidth={240}
          value={ruleId}
          onChange={setRuleId}
          options={rules.map(rule => ({ value: rule.id, label: rule.title }))}
        />
        <TextField
          id="exemption-reason"
          label="Reason"
          value={reason}
          onChange={e => setReason(e.target.value)}
        />
        <TextField
          id="exemption-until"
          label="End date"
          type="date"
          InputLabelProps={{ shrink: true }}
          value={until}
          onChange={e => setUntil(e.target.value)}
        />
        <Button
          variant="outlined"
          color="primary"
          disabled={state.loading || !ruleId || !reason.trim() || !until}
          onClick={() => submit()}
        >
          Ask an admin
        </Button>
      </Box>
      {state.value && (
        <Typography variant="body2">
          Asked: an admin will approve or deny it.
        </Typography>
      )}
      {state.error && (
        <Typography variant="body2" color="error">
          {state.error.message}
        </Typography>
      )}
    </InfoCard>
  );
};
