import { Link, Progress, Table, TableColumn } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  Initiative,
  metadataQualityInitiativeManagePermission,
} from '@internal/plugin-metadata-quality-common';
import { Grid, LinearProgress, Typography } from '@material-ui/core';
import { useNavigate } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { metadataQualityApiRef } from '../../api';
import { initiativeRouteRef } from '../../routes';
import { QualityErrorPanel } from '../QualityErrorPanel';
import { InitiativeForm } from './InitiativeForm';
import { percentPassing, progressText, timeText } from './progress';

function columns(
  link: (id: number) => string | undefined,
): TableColumn<Initiative>[] {
  return [
    {
      title: 'Initiative',
      render: i => {
        const to = link(i.id);
        return to ? <Link to={to}>{i.title}</Link> : i.title;
      },
    },
    { title: 'Deadline', render: i => i.deadline.slice(0, 10) },
    { title: 'Time', render: i => timeText(i) },
    {
      title: 'Progress',
      render: i => (
        <>
          <Typography variant="body2">{progressText(i.progress)}</Typography>
          <LinearProgress
            variant="determinate"
            value={percentPassing(i.progress)}
            aria-label={`Progress of ${i.title}`}
          />
        </>
      ),
    },
  ];
}

/** Every initiative with its deadline, days left and progress; admins also get the create form. */
export const InitiativeList = () => {
  const api = useApi(metadataQualityApiRef);
  const navigate = useNavigate();
  const initiativeLink = useRouteRef(initiativeRouteRef);
  const link = (id: number) => initiativeLink?.({ id: String(id) });
  const { allowed: canManage } = usePermission({
    permission: metadataQualityInitiativeManagePermission,
  });
  const data = useAsync(async () => {
    const [{ items }, { rules }] = await Promise.all([
      api.listInitiatives(),
      api.getRules(),
    ]);
    return { items, rules };
  }, [api]);

  if (data.loading) return <Progress />;
  if (data.error) return <QualityErrorPanel error={data.error} />;
  const { items, rules } = data.value!;
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <Table
          title="Initiatives"
          subtitle="Rules teams meet by a deadline, with the share of their entities that already do"
          options={{ paging: false, search: false }}
          columns={columns(link)}
          data={items}
          emptyContent={
            <Typography style={{ padding: 16 }}>No initiatives yet.</Typography>
          }
        />
      </Grid>
      {canManage && (
        <Grid item xs={12}>
          <InitiativeForm
            rules={rules}
            onCreated={created => {
              const to = link(created.id);
              if (to) navigate(to);
            }}
          />
        </Grid>
      )}
    </Grid>
  );
};
