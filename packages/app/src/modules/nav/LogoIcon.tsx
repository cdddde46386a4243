import { makeStyles } from '@material-ui/core';

const useStyles = makeStyles({
  svg: { width: 'auto', height: 28 },
});

/** The Lighthouse mark: a tower with its beam, used in the collapsed sidebar. */
export const LogoIcon = () => {
  const classes = useStyles();
  return (
    <svg
      className={classes.svg}
      xmlns="http://www.w3.org/2000/svg"
      viewBox="0 0 40 40"
      role="img"
      aria-label="Lighthouse"
    >
      <path d="M20 3 L38 9 L38 13 L20 9 Z" fill="#ffd54f" opacity="0.85" />
      <path d="M20 3 L2 9 L2 13 L20 9 Z" fill="#ffd54f" opacity="0.55" />
      <rect x="16" y="6" width="8" height="5" rx="1" fill="#fff3c4" />
      <path d="M15 12 H25 L27 36 H13 Z" fill="#e8f1ff" />
      <path d="M14.6 17 H25.4 L25.8 21.5 H14.2 Z" fill="#e53935" />
      <path d="M13.8 26 H26.2 L26.6 30.5 H13.4 Z" fill="#e53935" />
      <rect x="10" y="36" width="20" height="3" rx="1" fill="#90a4ae" />
    </svg>
  );
};
