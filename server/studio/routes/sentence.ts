/** Messages are written to follow « fichier:ligne — »; alone on a page they start with a capital. */
export function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}
