// The shape of the single sign-on settings; parsed from the environment in config.ts.
export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  scopes: string;
  buttonLabel: string;
  /** Where the provider sends people back: BASE_URL + /login/oidc/callback. */
  redirectUri: string;
  claims: {
    name: string;
    structure?: string;
    /** A claim listing the person's groups (or roles), and which value gives which role. */
    role?: string;
    roleMap: ReadonlyArray<{ role: 'learner' | 'trainer' | 'hr' | 'admin'; value: string }>;
  };
  /** Structure of accounts created at first sign-in when no structure claim gives one. */
  defaultStructure: string;
  /** Take `email` as verified even without `email_verified: true` (providers that never send it). */
  trustEmail: boolean;
}
