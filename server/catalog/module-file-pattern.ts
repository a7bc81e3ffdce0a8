/** A module file `NN-slug.md`: its position (two digits) and its slug. */
export const moduleFilePattern = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$/;
