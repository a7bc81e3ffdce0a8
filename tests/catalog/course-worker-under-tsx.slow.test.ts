import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { validCourseDir } from './course-builder.ts';

describe('course checks in a worker thread', () => {
  it('work when the code runs under tsx, as the server does', async () => {
    const tsx = path.resolve('node_modules/tsx/dist/cli.mjs');
    const script = path.join(import.meta.dirname, 'check-course-with-tsx.ts');
    const { stdout } = await promisify(execFile)(process.execPath, [tsx, script, validCourseDir]);
    expect(JSON.parse(stdout)).toEqual({
      title: 'Cours de démonstration',
      firstModuleHtml: expect.any(Number),
      issues: [],
    });
  });
});
