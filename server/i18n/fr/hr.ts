/** HR dashboard and exports. */
export const hr = {} as const;
