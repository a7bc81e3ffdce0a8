import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes `count` courses of `modulesPerCourse` modules into `targetDir`, made from the bundled courses:
 * course k takes the bundled modules in turn (the final assessments last, only the very last one marked
 * final, positioning quizzes left out) and every file is varied a little (titles, a line naming the copy) so that no two are identical.
 */
export async function generateCourses(
  sourceDir: string,
  targetDir: string,
  count: number,
  modulesPerCourse: number,
): Promise<void> {
  const bundled = (await readdir(sourceDir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
  const sources = await Promise.all(
    bundled.sort().map(async (name) => {
      const dir = path.join(sourceDir, name);
      const files = (await readdir(dir)).filter((f) => /^\d{2}-.*\.md$/.test(f)).sort();
      return {
        courseMd: await readFile(path.join(dir, 'course.md'), 'utf8'),
        modules: await Promise.all(
          files.map(async (f) => ({ slug: f.slice(3, -3), text: await readFile(path.join(dir, f), 'utf8') })),
        ),
      };
    }),
  );
  // A positioning quiz must come first and match the final assessment's objectives (decision 015): left out.
  const regular = sources.flatMap((s) =>
    s.modules.filter((m) => !/^(evaluation_finale|positionnement): true$/m.test(m.text)),
  );
  const finals = sources.flatMap((s) => s.modules.filter((m) => /^evaluation_finale: true$/m.test(m.text)));
  for (let k = 1; k <= count; k++) {
    const slug = `parcours-${String(k).padStart(2, '0')}`;
    const dir = path.join(targetDir, slug);
    await mkdir(dir, { recursive: true });
    const source = sources[k % sources.length]!;
    await writeFile(
      path.join(dir, 'course.md'),
      source.courseMd
        .replace(/^titre: (.*)$/m, `titre: $1 (parcours ${k})`)
        .replace(/\n---\n/, `\n---\n\nCopie n° ${k} pour le banc d’essai.\n`),
    );
    // Regular modules first, then final assessments; only the last module keeps `evaluation_finale`.
    const picked = [
      ...Array.from({ length: modulesPerCourse - 1 }, (_, i) => regular[(k + i) % regular.length]!),
      finals[k % finals.length]!,
    ];
    const used = new Set<string>();
    for (const [i, module] of picked.entries()) {
      let name = module.slug;
      for (let n = 2; used.has(name); n++) name = `${module.slug}-${n}`;
      used.add(name);
      const text = module.text
        .replace(/^titre: (.*)$/m, `titre: $1 (${k}.${i + 1})`)
        .replace(/\n---\n/, `\n---\n\nModule ${i + 1} du parcours ${k}.\n`);
      await writeFile(path.join(dir, `${String(i + 1).padStart(2, '0')}-${name}.md`), text);
    }
  }
}
