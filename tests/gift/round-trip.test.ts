// Passerelle → GIFT → Passerelle keeps every question, answer and feedback of the bundled courses, and
// the GIFT written parses with an independent GIFT parser (gift-pegjs) as Moodle would read it.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseWithPegjs } from 'gift-pegjs';
import { describe, expect, it } from 'vitest';
import type { Course, Question } from '../../server/catalog/course.ts';
import { IssueList } from '../../server/catalog/course-issue.ts';
import { loadCatalog } from '../../server/catalog/load-catalog.ts';
import { parseQuiz } from '../../server/catalog/parse-quiz.ts';
import { splitQuizSection } from '../../server/catalog/split-quiz-section.ts';
import { parseGift } from '../../server/gift/parse-gift.ts';
import type { DocQuiz } from '../../server/gift/quiz-document.ts';
import { readQuizSource } from '../../server/gift/read-quiz-source.ts';
import { writeGift } from '../../server/gift/write-gift.ts';
import { writeQuizMarkdown } from '../../server/gift/write-quiz-markdown.ts';
import { fixturesDir } from '../helpers/test-config.ts';

/** What gift-pegjs gives for one question, as far as these tests read it. */
interface PegjsQuestion {
  type: string;
  stem: { text: string };
  globalFeedback: { text: string } | null;
  isTrue?: boolean;
  trueFeedback?: { text: string } | null;
  falseFeedback?: { text: string } | null;
  choices: { text: { text: string }; isCorrect: boolean; weight: number | null; feedback: { text: string } | null }[];
}

const repoRoot = path.resolve(import.meta.dirname, '../..');
const { catalog } = await loadCatalog(path.join(repoRoot, 'courses'));
const { catalog: fixtures } = await loadCatalog(path.join(fixturesDir, 'courses/valid'));
const courses = [...catalog.courses, ...fixtures.courses];

async function quizzesOf(course: Course) {
  const quizzes: { moduleTitle: string; quiz: DocQuiz }[] = [];
  for (const module of course.modules.filter((m) => m.quiz)) {
    const read = readQuizSource(await readFile(path.join(course.dir, module.file), 'utf8'))!;
    expect(read.issues).toEqual([]);
    quizzes.push({ moduleTitle: module.title, quiz: { title: read.title, questions: read.questions } });
  }
  return quizzes;
}

/** What a learner sees and what is graded, as the course checker builds it from Markdown. */
function graded(questions: Question[]) {
  return questions.map((q) => ({
    type: q.type,
    prompt: q.prompt,
    promptHtml: q.promptHtml,
    choices: q.choices.map((c) => ({ text: c.text, correct: c.correct, html: c.html, feedbackHtml: c.feedbackHtml })),
    answers: q.answers,
    answerText: q.answerText,
    explanationHtml: q.explanationHtml,
  }));
}

describe.each(courses.map((course) => [course.slug, course] as const))('the quizzes of « %s »', (_slug, course) => {
  it('come back from GIFT as the same questions, answers and feedback, graded the same', async () => {
    const quizzes = await quizzesOf(course);
    expect(quizzes.length).toBeGreaterThan(0);
    const gift = writeGift(course.title, quizzes);
    const back = parseGift(gift);
    expect(back.issues).toEqual([]);
    expect(back.groups.map((g) => g.category)).toEqual(quizzes.map((q) => q.moduleTitle));
    for (const [i, { quiz }] of quizzes.entries()) {
      const strip = (qs: DocQuiz['questions']) => qs.map(({ line: _line, ...q }) => q);
      expect(strip(back.groups[i]!.questions)).toEqual(strip(quiz.questions));
      // Written back as a `## Quiz` section, the course checker reads exactly the original questions.
      const markdown = writeQuizMarkdown(quiz.title, back.groups[i]!.questions);
      const section = splitQuizSection(markdown).quiz!;
      const issues = new IssueList('import.md');
      const module = course.modules.filter((m) => m.quiz)[i]!;
      const ctx = { assetBase: `/courses/${course.slug}/assets/`, moduleBase: `/courses/${course.slug}/` };
      const reread = parseQuiz(section.lines, 2, ctx, issues);
      expect(issues.items).toEqual([]);
      expect(section.title).toBe(module.quiz!.title);
      expect(graded(reread.questions)).toEqual(graded(module.quiz!.questions));
    }
  });

  it('is GIFT that an independent parser reads as Moodle would: types, right answers, feedback', async () => {
    const quizzes = await quizzesOf(course);
    const parsed = parseWithPegjs(writeGift(course.title, quizzes));
    const categories = parsed.filter((q) => q.type === 'Category');
    expect(categories).toHaveLength(quizzes.length);
    const questions = parsed.filter((q) => q.type !== 'Category' && q.type !== 'Description');
    const expected = quizzes.flatMap((q) => q.quiz.questions);
    expect(questions).toHaveLength(expected.length);
    for (const [i, question] of expected.entries()) {
      const read = questions[i] as unknown as PegjsQuestion;
      expect(read.stem.text).toBe(question.prompt);
      expect(read.globalFeedback?.text ?? '').toBe(question.explanation.replaceAll('\n', '\\n'));
      if (question.kind === 'truefalse') {
        expect(read.type).toBe('TF');
        expect(read.isTrue).toBe(question.choices.find((c) => c.correct)!.text === 'Vrai');
        // {T#…#…}: Moodle shows the first feedback to a wrong answer, the second to the right one.
        const [right, wrong] = [question.choices.find((c) => c.correct)!, question.choices.find((c) => !c.correct)!];
        expect(read.trueFeedback?.text ?? '').toBe(wrong.feedback);
        expect(read.falseFeedback?.text ?? '').toBe(right.feedback);
        continue;
      }
      expect(read.type).toBe(question.kind === 'short' ? 'Short' : 'MC');
      const texts = question.kind === 'short' ? question.answers : question.choices.map((c) => c.text);
      expect(read.choices.map((c) => c.text.text)).toEqual(texts);
      if (question.kind === 'single')
        expect(read.choices.map((c) => c.isCorrect)).toEqual(question.choices.map((c) => c.correct));
      if (question.kind === 'multiple')
        expect(read.choices.map((c) => (c.weight ?? 0) > 0)).toEqual(question.choices.map((c) => c.correct));
      if (question.kind !== 'short')
        expect(read.choices.map((c) => c.feedback?.text ?? '')).toEqual(
          question.choices.map((c) => c.feedback.replaceAll('\n', '\\n')),
        );
    }
  });
});
