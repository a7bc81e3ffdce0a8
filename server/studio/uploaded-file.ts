/** A file received from a form, waiting in the studio's scratch folder until a use case moves or refuses it. */
export interface UploadedFile {
  /** A temp file under the scratch folder; whoever received it removes it if it is not moved. */
  path: string;
  /** The name the browser sent, unchecked. */
  filename: string;
  size: number;
  /** The first bytes, for type sniffing. */
  head: Buffer;
}
