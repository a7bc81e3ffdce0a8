/** Sign-in, setup, invitations, password links, account pages. */
export const accounts = {} as const;
