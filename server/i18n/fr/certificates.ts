/** Certificates: download, verification, revocation. */
export const certificates = {} as const;
