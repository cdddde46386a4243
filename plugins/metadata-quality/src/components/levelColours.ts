/** The colour of each built-in level, shared by the level chip and the distribution chart. */
export const LEVEL_COLOURS: Record<string, string> = {
  Gold: '#c9a227',
  Silver: '#9e9e9e',
  Bronze: '#a0522d',
};
