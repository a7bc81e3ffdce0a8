/** « Mon parcours » and the learner’s own pages. */
export const me = {} as const;
