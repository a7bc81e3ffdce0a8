// The refusals of the network's structures; server/http/error-map.ts gives each kind its status, and a
// form shows the message next to the field it concerns.

import type { MessageKey } from '../i18n/fr.ts';
import { ConflictError, NotFoundError, RejectedContentError, TooLargeError } from '../shared/errors.ts';

/** A code that names no structure; `close` lists the codes a typo most likely meant. */
export class UnknownStructureError extends RejectedContentError {
  constructor(
    readonly code: string,
    readonly close: readonly string[],
  ) {
    super(`unknown structure ${code}`, {
      messageKey: close.length ? 'structures.error.unknownWithClose' : 'structures.error.unknown',
      params: { code, close: close.join(', ') },
    });
  }
}

export class StructureNotFoundError extends NotFoundError {
  constructor(code: string) {
    super(`no structure ${code}`);
  }
}

export class StructureCodeTakenError extends ConflictError {
  constructor(readonly code: string) {
    super(`structure code taken: ${code}`, { messageKey: 'structures.error.codeTaken', params: { code } });
  }
}

/** Moving a structure under itself or one of its own descendants would cut it off the tree. */
export class StructureCycleError extends ConflictError {
  constructor(code: string, parent: string) {
    super(`moving ${code} under ${parent} makes a cycle`, {
      messageKey: 'structures.error.cycle',
      params: { code, parent },
    });
  }
}

/** The root is the network itself: it can be renamed, never moved, merged or given a parent. */
export class RootStructureError extends ConflictError {
  constructor() {
    super('the root cannot be moved or merged', { messageKey: 'structures.error.root' });
  }
}

/** Taking back an admin grant on the root would leave the network without an active administrator. */
export class LastNetworkAdminError extends ConflictError {
  constructor() {
    super('last network administrator', { messageKey: 'structures.grants.lastAdmin' });
  }
}

/** One line of a CSV of the tree and what is wrong with it. */
export interface StructureCsvError {
  line: number;
  message: string;
}

export class StructureListRejectedError extends RejectedContentError {
  constructor(readonly errors: readonly StructureCsvError[]) {
    super(`structure list rejected (${errors.length} errors)`);
  }
}

/** An uploaded logo that is no PNG or SVG, too large, or of absurd dimensions; the key says which. */
export class LogoRefusedError extends RejectedContentError {
  constructor(messageKey: MessageKey, params?: Record<string, string | number>) {
    super(`logo refused: ${messageKey}`, { messageKey, params });
  }
}

/** An uploaded logo over the size limit (in KB). */
export class LogoTooLargeError extends TooLargeError {
  constructor(max: number) {
    super(`logo over ${max} KB`, { messageKey: 'structures.face.logoTooLarge', params: { max } });
  }
}

/** A brand colour that text on white would not be readable in; `ratio` is its measured contrast. */
export class BrandColourTooLightError extends RejectedContentError {
  constructor(readonly ratio: string) {
    super(`brand colour contrast ${ratio}:1 below 4.5:1`, {
      messageKey: 'structures.face.colourContrast',
      params: { ratio },
    });
  }
}
