/**
 * The throttle's account for second-factor codes: the person's id under its own prefix, so wrong codes
 * and wrong passwords are counted apart in the shared counters.
 */
export const codeAccount = (userId: string) => `second-factor:${userId}`;
