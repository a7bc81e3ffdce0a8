/** Ids that make one learner's row per module and per course unique, and easy to find again. */
export const moduleProgressId = (userId: string, course: string, module: string) => `${userId}|${course}|${module}`;
export const enrollmentId = (userId: string, course: string) => `${userId}|${course}`;
