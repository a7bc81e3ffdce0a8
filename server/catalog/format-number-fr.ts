/** « 10 000 »: numbers in course issues, grouped the French way. */
export function formatNumberFr(value: number): string {
  return value.toLocaleString('fr-FR');
}
