/** User administration. */
export const admin = {} as const;
