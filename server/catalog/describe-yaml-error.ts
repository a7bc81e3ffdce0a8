const colonHint = 'deux-points « : » manquant ou en trop ; si le texte contient « : », mettez-le entre guillemets.';

/** What to check for each error of the YAML parser, in a trainer's words. */
const hints: Readonly<Record<string, string>> = {
  DUPLICATE_KEY: 'ce champ est écrit deux fois.',
  BAD_INDENT: 'décalage (indentation) incorrect ; alignez les lignes avec des espaces, sans tabulation.',
  TAB_AS_INDENT: 'une tabulation est utilisée pour décaler ; utilisez des espaces.',
  MISSING_CHAR: 'un caractère manque (deux-points « : » après le nom du champ ?).',
  BLOCK_AS_IMPLICIT_KEY: colonHint,
  MULTILINE_IMPLICIT_KEY: colonHint,
  UNEXPECTED_TOKEN: 'caractère inattendu ; mettez le texte entre guillemets s’il contient « : » ou « # ».',
};

/** Says how to fix front matter the YAML parser could not read, from the parser's error code. */
export function describeYamlError(code: string): string {
  return hints[code] ?? `syntaxe incorrecte (${code}) ; vérifiez les deux-points et les décalages.`;
}
