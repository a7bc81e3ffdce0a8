import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import postgres from 'postgres';

/** Every file under a directory (journal, snapshot, drafts, keys…), with its bytes. */
export async function filesUnder(dir: string): Promise<{ file: string; bytes: Buffer }[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
  return Promise.all(files.map(async (file) => ({ file, bytes: await readFile(file) })));
}

/** Which files hold one of these strings, byte for byte. */
export async function filesHolding(dir: string, needles: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const { file, bytes } of await filesUnder(dir))
    for (const needle of needles) if (bytes.includes(Buffer.from(needle))) found.push(`${file}: ${needle}`);
  return found;
}

/** Which tables of the database hold one of these strings in the text of any row (every table, every column). */
export async function tablesHolding(url: string, needles: readonly string[]): Promise<string[]> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const tables = await sql<{ name: string }[]>`
      select table_name as name from information_schema.tables where table_schema = 'public'`;
    const found: string[] = [];
    for (const { name } of tables) {
      const rows = await sql.unsafe(`select t::text as text from "${name}" t`);
      let text = rows.map((r) => r.text as string).join('\n');
      // The studio's folders are kept as base64 files: read them as the files they are.
      if (name === 'courseTreeFiles')
        for (const row of await sql.unsafe(`select data from "${name}"`))
          for (const content of Object.values((row.data as { files: Record<string, string> }).files))
            text += `\n${Buffer.from(content, 'base64').toString('utf8')}`;
      for (const needle of needles) if (text.includes(needle)) found.push(`${name}: ${needle}`);
    }
    if (tables.length < 10) throw new Error(`only ${tables.length} tables found: is this the app's database?`);
    return found;
  } finally {
    await sql.end();
  }
}
