import { Link, Table } from '@backstage/core-components';
import { ServedQualityRule } from '@internal/plugin-metadata-quality-common';
import { FILTER_PARAMS } from './useFilterInUrl';

type FailingRule = { id: string; title: string; count: number };

/** Rules by how many entities fail them; picking one filters the worst-entities list. */
export const FailingRulesTable = ({
  rules,
  failingRules,
  onPick,
}: {
  rules: ServedQualityRule[];
  /** Entities failing each rule, by rule id. */
  failingRules: Record<string, number>;
  onPick: (ruleId: string) => void;
}) => (
  <Table
    title="Failing rules"
    subtitle="Pick a rule to list the entities failing it above"
    options={{ paging: false, search: false }}
    columns={[
      {
        title: 'Rule',
        render: (r: FailingRule) => (
          <Link
            to={`?${FILTER_PARAMS.failingRule}=${encodeURIComponent(r.id)}`}
            onClick={(e: React.MouseEvent) => {
              e.preventDefault();
              onPick(r.id);
            }}
          >
            {r.title}
          </Link>
        ),
      },
      { title: 'Entities failing', field: 'count' },
    ]}
    data={rules
      .map(r => ({
        id: r.id,
        title: r.title,
        count: failingRules[r.id] ?? 0,
      }))
      .sort((a, b) => b.count - a.count)}
  />
);
