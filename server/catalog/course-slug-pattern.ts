/** A course folder's name, which is also its slug in URLs: lower case, digits and single hyphens. */
export const courseSlugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
