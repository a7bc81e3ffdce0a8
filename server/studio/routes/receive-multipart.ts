import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rm } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type busboy from 'busboy';
import type { Request, Response } from 'express';
import { csrfError, verifyCsrfToken } from '../../http/csrf.ts';
import { loadOnFirstUse } from '../../shared/load-on-first-use.ts';
import { UploadRefusedError } from '../errors.ts';
import type { UploadedFile } from '../uploaded-file.ts';

/** Loaded by the first upload, not at start-up (decision 025). */
const loadBusboy = loadOnFirstUse<typeof busboy>('busboy');

export interface Multipart {
  fields: Record<string, string>;
  file: UploadedFile | undefined;
  discard(): Promise<void>;
}

export interface ReceiveOptions {
  fileField: string;
  maxFileBytes: number;
  /** Same file system as the destination, so the temp file can be renamed into place. */
  tmpDir: string;
  tooLarge: () => Error;
}

/**
 * Parses a multipart form with busboy. The global CSRF check cannot read this body, so the token is
 * checked here, before a single byte of the file is written: the form puts `_csrf` before the file.
 * The body is always read to its end before answering, so browsers see the response, not a reset.
 */
export async function receiveMultipart(req: Request, res: Response, options: ReceiveOptions): Promise<Multipart> {
  let parser: busboy.Busboy;
  try {
    parser = loadBusboy()({
      headers: req.headers,
      defParamCharset: 'utf8',
      limits: { fileSize: options.maxFileBytes, files: 1, fields: 10, fieldSize: 10_000, parts: 12 },
    });
  } catch {
    throw new UploadRefusedError('studio.upload.unreadable');
  }
  await mkdir(options.tmpDir, { recursive: true });
  const fields: Record<string, string> = {};
  let file: UploadedFile | undefined;
  let rejectedToken = false;
  let truncated = false;
  const writes: Promise<void>[] = [];

  const discard = async () => {
    if (file) await rm(file.path, { force: true });
  };

  parser.on('field', (name, value) => {
    if (!(name in fields)) fields[name] = value;
  });
  parser.on('file', (name, stream, info) => {
    if (name !== options.fileField || file || !info.filename) {
      stream.resume();
      return;
    }
    if (!verifyCsrfToken(res, fields._csrf)) {
      rejectedToken = true;
      stream.resume();
      return;
    }
    const received: UploadedFile = {
      path: path.join(options.tmpDir, `upload-${randomBytes(8).toString('hex')}`),
      filename: info.filename,
      size: 0,
      head: Buffer.alloc(0),
    };
    file = received;
    stream.on('data', (chunk: Buffer) => {
      if (received.head.length < 16) received.head = Buffer.concat([received.head, chunk]).subarray(0, 16);
      received.size += chunk.length;
    });
    stream.on('limit', () => {
      truncated = true;
    });
    writes.push(
      pipeline(stream, createWriteStream(received.path, { flags: 'wx' })).then(async () => {
        const handle = await open(received.path, 'r');
        await handle.sync().finally(() => handle.close());
      }),
    );
  });

  try {
    await new Promise<void>((resolve, reject) => {
      parser.on('close', resolve);
      parser.on('error', reject);
      req.on('aborted', () => reject(new Error('request aborted')));
      req.pipe(parser);
    });
    await Promise.all(writes);
  } catch {
    await Promise.allSettled(writes);
    await discard();
    throw new UploadRefusedError('studio.upload.interrupted');
  }
  if (rejectedToken || !verifyCsrfToken(res, fields._csrf)) {
    await discard();
    throw csrfError();
  }
  if (truncated) {
    await discard();
    throw options.tooLarge();
  }
  return { fields, file, discard };
}
