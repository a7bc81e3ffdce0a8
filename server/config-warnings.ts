import type { Config } from './config.ts';

/** Settings that work but are probably a mistake, said at start-up (in French, for the operator). */
export function configWarnings(config: Config): string[] {
  const loopback = /^(127\.|localhost$|::1$)/.test(config.host);
  const warnings: string[] = [];
  if (!loopback && config.trustProxy > 0)
    warnings.push(
      `TRUST_PROXY=${config.trustProxy} alors que le serveur écoute sur ${config.host} : un client qui le joint directement peut se faire passer pour une autre adresse et contourner les limites par adresse. Écoutez sur 127.0.0.1 derrière le proxy.`,
    );
  if (!loopback && !config.secure)
    warnings.push(
      `Le serveur écoute sur ${config.host} en HTTP simple : mots de passe et cookies circulent en clair. Placez-le derrière un proxy HTTPS (docs/deploy/nginx.conf) et définissez BASE_URL=https://…`,
    );
  return warnings;
}
