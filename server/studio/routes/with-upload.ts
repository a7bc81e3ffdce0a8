import type { Request, Response } from 'express';
import type { UploadedFile } from '../uploaded-file.ts';
import { type ReceiveOptions, receiveMultipart } from './receive-multipart.ts';

/**
 * Receives a multipart form and hands its file (undefined when none was chosen) and fields to `use`. The
 * temp file is removed afterwards, whatever happened: a use case that keeps it has moved it first.
 */
export async function withUpload<T>(
  req: Request,
  res: Response,
  options: ReceiveOptions,
  use: (file: UploadedFile | undefined, fields: Record<string, string>) => Promise<T>,
): Promise<T> {
  const upload = await receiveMultipart(req, res, options);
  try {
    return await use(upload.file, upload.fields);
  } finally {
    await upload.discard();
  }
}
