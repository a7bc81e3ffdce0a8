import type { Server } from 'node:http';

/** Why the server could not listen, in one French line that names the address. */
export class ListenError extends Error {
  override readonly name = 'ListenError';
}

/** Resolves once the server listens; a port in use or refused becomes a ListenError (never a false « ready »). */
export function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      const where = `${host}:${port}`;
      if (error.code === 'EADDRINUSE')
        reject(
          new ListenError(
            `Le port ${port} est déjà utilisé (${where}) : arrêtez l’autre programme ou choisissez un autre port avec PORT=…`,
            { cause: error },
          ),
        );
      else if (error.code === 'EACCES')
        reject(
          new ListenError(
            `Écoute refusée sur ${where} : ce port demande des droits d’administrateur, choisissez-en un au-dessus de 1024.`,
            { cause: error },
          ),
        );
      else if (error.code === 'EADDRNOTAVAIL')
        reject(new ListenError(`L’adresse ${host} n’existe pas sur cette machine : vérifiez HOST.`, { cause: error }));
      else reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}
