import { InfoCard, Table, TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  EntityScore,
  QualityLevel,
  ServedQualityRule,
} from '@internal/plugin-metadata-quality-common';
import { Box, TextField } from '@material-ui/core';
import { ProposeFixButton } from '@internal/plugin-catalog-fixes-react';
import { LevelChip } from './LevelChip';
import { QualityErrorPanel } from './QualityErrorPanel';
import { SelectField } from './SelectField';
import { EntityListFilter, FilterKey } from './useFilterInUrl';

// Words wrap between words, never inside one ("Payme nts").
const wrapWords = { overflowWrap: 'normal', wordBreak: 'normal' } as const;

function entityColumns(
  ruleTitles: Map<string, string>,
): TableColumn<EntityScore>[] {
  return [
    {
      title: 'Entity',
      cellStyle: wrapWords,
      render: e => (
        <EntityRefLink entityRef={e.entityRef} title={e.title ?? e.name} />
      ),
    },
    { title: 'Kind', field: 'kind' },
    {
      title: 'Owner',
      cellStyle: wrapWords,
      render: e =>
        e.ownerRef ? (
          <EntityRefLink entityRef={e.ownerRef} defaultKind="group" />
        ) : (
          '–'
        ),
    },
    { title: 'Score', field: 'score' },
    { title: 'Level', render: e => <LevelChip level={e.level} /> },
    {
      title: 'Failing checks',
      cellStyle: wrapWords,
      render: e => (
        <>
          {e.results
            .filter(r => !r.passed && !r.exempt)
            .map(r => (
              <Box
                key={r.ruleId}
                display="flex"
                alignItems="center"
                style={{ gap: 8 }}
              >
                {ruleTitles.get(r.ruleId) ?? r.ruleId}
                {r.edits && (
                  <ProposeFixButton
                    entityRef={e.entityRef}
                    fix={{ type: 'rule', ruleId: r.ruleId }}
                  />
                )}
              </Box>
            ))}
        </>
      ),
    },
  ];
}

/** The lowest-scoring entities below the top level, with the list's filters. */
export const WorstEntitiesCard = ({
  filter,
  onFilter,
  levels,
  rules,
  worst,
}: {
  filter: EntityListFilter;
  onFilter: (key: FilterKey, value: string) => void;
  /** Lowest first. */
  levels: QualityLevel[];
  rules: ServedQualityRule[];
  worst: { loading: boolean; value?: { items: EntityScore[] }; error?: Error };
}) => {
  const topLevel = levels[levels.length - 1]?.name;
  const ruleTitles = new Map(rules.map(r => [r.id, r.title]));
  const set = (key: FilterKey) => (value: string) => onFilter(key, value);
  const any = { value: '', label: 'Any' };
  const selects = [
    {
      id: 'level-filter',
      label: 'Level',
      minWidth: 140,
      filterKey: 'level' as const,
      value: filter.level ?? '',
      options: [
        any,
        ...levels.map(l => ({ value: l.name, label: l.name })),
        { value: 'none', label: 'No level' },
      ],
    },
    {
      id: 'rule-filter',
      label: 'Failing rule',
      minWidth: 220,
      filterKey: 'failingRule' as const,
      value: filter.failingRule ?? '',
      options: [any, ...rules.map(r => ({ value: r.id, label: r.title }))],
    },
  ];
  // Worst entities: those that have not reached the top level, unless that level is asked for.
  const items = (worst.value?.items ?? []).filter(
    e => filter.level === topLevel || e.level !== topLevel,
  );
  return (
    <InfoCard
      title="Worst entities"
      subheader={`The lowest scores${
        filter.level === topLevel ? '' : ` below ${topLevel ?? 'the top level'}`
      }${filter.initiative !== undefined ? ', in the initiative' : ''}${
        filter.failingRule
          ? `, failing "${
              ruleTitles.get(filter.failingRule) ?? filter.failingRule
            }"`
          : ''
      }`}
    >
      <Box display="flex" flexWrap="wrap" style={{ gap: 16 }} mb={2}>
        <TextField
          label="Kind"
          value={filter.kind ?? ''}
          onChange={e => set('kind')(e.target.value)}
        />
        <TextField
          label="Owner"
          value={filter.owner ?? ''}
          onChange={e => set('owner')(e.target.value)}
        />
        {selects.map(({ filterKey, ...select }) => (
          <SelectField key={select.id} {...select} onChange={set(filterKey)} />
        ))}
      </Box>
      {worst.error ? (
        <QualityErrorPanel error={worst.error} />
      ) : (
        <Table
          options={{ paging: false, search: false, toolbar: false }}
          isLoading={worst.loading}
          columns={entityColumns(ruleTitles)}
          data={items}
        />
      )}
    </InfoCard>
  );
};
