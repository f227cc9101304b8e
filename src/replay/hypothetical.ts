/** How the ids of events a what-if branch made up begin: the event log and the histories tell them apart by it. */
export const HYPOTHETICAL_ID_PREFIX = 'what-if:';
