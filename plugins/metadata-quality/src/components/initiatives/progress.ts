import { InitiativeProgress } from '@internal/plugin-metadata-quality-common';

/** Passing over targeted entities in whole percent; 0 while none is targeted. */
export function percentPassing(progress: InitiativeProgress): number {
  return progress.targeted === 0
    ? 0
    : Math.round((progress.passing / progress.targeted) * 100);
}

/** "3 of 4 entities pass (75%)". */
export function progressText(progress: InitiativeProgress): string {
  const { targeted, passing } = progress;
  return `${passing} of ${targeted} ${
    targeted === 1 ? 'entity passes' : 'entities pass'
  } (${percentPassing(progress)}%)`;
}

/** "12 days left", "1 day left", "ended", "starts 2026-03-01". */
export function timeText(initiative: {
  status: string;
  daysLeft: number;
  startsAt: string;
}): string {
  if (initiative.status === 'ended') return 'ended';
  if (initiative.status === 'upcoming') {
    return `starts ${initiative.startsAt.slice(0, 10)}`;
  }
  return `${initiative.daysLeft} ${
    initiative.daysLeft === 1 ? 'day' : 'days'
  } left`;
}
