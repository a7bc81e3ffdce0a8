/** The current time, injected so tests can move it (session expiry, invitation validity). */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
