import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  Initiative,
  ServedQualityRule,
} from '@internal/plugin-metadata-quality-common';
import {
  Box,
  Button,
  Checkbox,
  FormControlLabel,
  FormGroup,
  FormLabel,
  TextField,
  Typography,
} from '@material-ui/core';
import { useState } from 'react';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { metadataQualityApiRef } from '../../api';
import {
  initiativeBody,
  InitiativeFormValues,
  OWN_CHECKS,
  OwnCheck,
} from './initiativeBody';

const EMPTY: InitiativeFormValues = {
  title: '',
  description: '',
  ruleIds: [],
  ownRule: { title: '', check: 'linkPresent', value: '' },
  target: { kinds: '', types: '', lifecycles: '', tags: '', owners: '' },
  startsAt: '',
  deadline: '',
};

const TARGET_FIELDS = [
  ['kinds', 'Kinds'],
  ['types', 'Types'],
  ['lifecycles', 'Lifecycles'],
  ['tags', 'Tags'],
  ['owners', 'Owners'],
] as const;

/** The admins' form creating an initiative (metadata-quality.initiative.manage). */
export const InitiativeForm = ({
  rules,
  onCreated,
}: {
  rules: ServedQualityRule[];
  onCreated: (initiative: Initiative) => void;
}) => {
  const api = useApi(metadataQualityApiRef);
  const [v, setValues] = useState(EMPTY);
  const set = (change: Partial<InitiativeFormValues>) =>
    setValues(current => ({ ...current, ...change }));
  const [state, submit] = useAsyncFn(async () => {
    const created = await api.createInitiative({ body: initiativeBody(v) });
    onCreated(created);
    return created;
  }, [api, v, onCreated]);
  const toggle = (id: string) =>
    set({
      ruleIds: v.ruleIds.includes(id)
        ? v.ruleIds.filter(r => r !== id)
        : [...v.ruleIds, id],
    });
  const field = OWN_CHECKS[v.ownRule.check];

  return (
    <InfoCard title="New initiative">
      <Box display="flex" flexDirection="column" style={{ gap: 16 }}>
        <TextField
          id="initiative-title"
          label="Title"
          value={v.title}
          onChange={e => set({ title: e.target.value })}
        />
        <TextField
          id="initiative-description"
          label="Description"
          multiline
          value={v.description}
          onChange={e => set({ description: e.target.value })}
        />
        <FormLabel component="legend">Rules of the portal</FormLabel>
        <FormGroup row>
          {rules.map(rule => (
            <FormControlLabel
              key={rule.id}
              label={rule.title}
              control={
                <Checkbox
                  checked={v.ruleIds.includes(rule.id)}
                  onChange={() => toggle(rule.id)}
                />
              }
            />
          ))}
        </FormGroup>
        <FormLabel component="legend">A rule of this initiative only</FormLabel>
        <Box display="flex" flexWrap="wrap" style={{ gap: 16 }}>
          <TextField
            id="own-rule-title"
            label="Rule title"
            value={v.ownRule.title}
            onChange={e =>
              set({ ownRule: { ...v.ownRule, title: e.target.value } })
            }
          />
          <TextField
            id="own-rule-check"
            select
            label="Check"
            SelectProps={{ native: true }}
            value={v.ownRule.check}
            onChange={e =>
              set({
                ownRule: { ...v.ownRule, check: e.target.value as OwnCheck },
              })
            }
          >
            {Object.entries(OWN_CHECKS).map(([type, check]) => (
              <option key={type} value={type}>
                {check.label}
              </option>
            ))}
          </TextField>
          <TextField
            id="own-rule-value"
            label={field.field === 'match' ? 'Link title or type' : field.field}
            value={v.ownRule.value}
            onChange={e =>
              set({ ownRule: { ...v.ownRule, value: e.target.value } })
            }
          />
        </Box>
        <FormLabel component="legend">
          Entities (comma-separated; an empty field matches all)
        </FormLabel>
        <Box display="flex" flexWrap="wrap" style={{ gap: 16 }}>
          {TARGET_FIELDS.map(([key, label]) => (
            <TextField
              key={key}
              id={`initiative-target-${key}`}
              label={label}
              value={v.target[key]}
              onChange={e =>
                set({ target: { ...v.target, [key]: e.target.value } })
              }
            />
          ))}
        </Box>
        <Box display="flex" flexWrap="wrap" style={{ gap: 16 }}>
          {(['startsAt', 'deadline'] as const).map(key => (
            <TextField
              key={key}
              id={`initiative-${key}`}
              label={key === 'startsAt' ? 'Start' : 'Deadline'}
              type="date"
              InputLabelProps={{ shrink: true }}
              value={v[key]}
              onChange={e => set({ [key]: e.target.value })}
            />
          ))}
        </Box>
        <Box>
          <Button
            variant="contained"
            color="primary"
            disabled={state.loading || !v.title.trim()}
            onClick={() => submit()}
          >
            Create initiative
          </Button>
        </Box>
        {state.error && (
          <Typography variant="body2" color="error">
            {state.error.message}
          </Typography>
        )}
      </Box>
    </InfoCard>
  );
};
