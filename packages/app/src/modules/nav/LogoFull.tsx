import { makeStyles } from '@material-ui/core';
import { LogoIcon } from './LogoIcon';

const useStyles = makeStyles({
  root: { display: 'flex', alignItems: 'center', gap: 8 },
  name: {
    color: '#ffffff',
    fontSize: 20,
    fontWeight: 700,
    letterSpacing: 0.5,
    whiteSpace: 'nowrap',
  },
});

/** The mark and the portal's name, used in the open sidebar. */
export const LogoFull = () => {
  const classes = useStyles();
  return (
    <span className={classes.root}>
      <LogoIcon />
      <span className={classes.name}>Lighthouse</span>
    </span>
  );
};
