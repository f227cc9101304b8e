import type { UtcOffsetAt } from '../../domain/index.ts';

/** This device's time zone, as the reports take it: the history and every other screen show its local time too. */
export const deviceOffsetAt: UtcOffsetAt = (utcMs) => -new Date(utcMs).getTimezoneOffset();
