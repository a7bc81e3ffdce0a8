/** The trainers’ studio. */
export const studio = {} as const;
