import type { Module, Question, Quiz } from './course.ts';
import type { JobAidText, ModuleText, QuestionText, QuizText } from './course-text.ts';
import type { JobAid } from './job-aid.ts';
import { type RenderContext, renderInline, renderMarkdown } from './render-markdown.ts';
import { renderOnce } from './render-once.ts';
import { utf8Text } from './utf8-text.ts';

/** The catalog's module from its validated text; its HTML is rendered on first use. */
export function moduleFromText(text: ModuleText, ctx: RenderContext): Module {
  const { before, after, quiz: quizText, ...fields } = text;
  const [beforeText, afterText] = [utf8Text(before), utf8Text(after)];
  const content = renderOnce(() => ({
    before: renderMarkdown(beforeText(), ctx),
    after: renderMarkdown(afterText(), ctx),
  }));
  const quiz = quizText && quizFromText(quizText, ctx);
  const quizEntry = quiz ? [{ id: 'quiz', text: quiz.title || 'Quiz', level: 2 }] : [];
  const toc = renderOnce(() => [...content().before.toc, ...quizEntry, ...content().after.toc]);
  return {
    ...fields,
    get htmlBefore() {
      return content().before.html;
    },
    get htmlAfter() {
      return content().after.html;
    },
    get toc() {
      return toc();
    },
    quiz,
  };
}

export function quizFromText(text: QuizText, ctx: RenderContext): Quiz {
  const { intro, questions, ...fields } = text;
  const introHtml = renderOnce(() => renderMarkdown(intro, ctx).html);
  return {
    ...fields,
    get introHtml() {
      return introHtml();
    },
    questions: questions.map((question) => questionFromText(question, ctx)),
  };
}

export function questionFromText(text: QuestionText, ctx: RenderContext): Question {
  const { promptMarkdown, choices, explanation, ...fields } = text;
  const html = renderOnce(() => ({
    prompt: renderInline(promptMarkdown, ctx),
    choices: choices.map((c) => ({
      html: renderInline(c.text, ctx),
      feedback: c.feedback.length > 0 ? renderMarkdown(c.feedback.join('\n'), ctx).html : '',
    })),
    explanation: explanation.length > 0 ? renderMarkdown(explanation.join('\n'), ctx).html : '',
  }));
  return {
    ...fields,
    get promptHtml() {
      return html().prompt;
    },
    choices: choices.map((c, i) => ({
      id: c.id,
      text: c.text,
      get html() {
        return html().choices[i]!.html;
      },
      correct: c.correct,
      get feedbackHtml() {
        return html().choices[i]!.feedback;
      },
    })),
    get explanationHtml() {
      return html().explanation;
    },
  };
}

export function jobAidFromText(text: JobAidText, ctx: RenderContext): JobAid {
  const html = renderOnce(() => renderMarkdown(text.markdown, ctx).html);
  return {
    ...text,
    get html() {
      return html();
    },
  };
}
