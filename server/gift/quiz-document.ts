// A quiz as the trainer wrote it (Markdown text, not HTML): what GIFT export and import exchange, so a
// round trip keeps every question, answer and feedback as written.

export interface DocChoice {
  text: string;
  correct: boolean;
  /** Markdown; lines joined with `\n`; empty when there is none. */
  feedback: string;
}

export interface DocQuestion {
  kind: 'single' | 'multiple' | 'truefalse' | 'short';
  /** Markdown, one line. */
  prompt: string;
  choices: DocChoice[];
  /** Accepted short answers, as written. */
  answers: string[];
  /** The question's general explanation (Markdown; lines joined with `\n`). */
  explanation: string;
  /** Where it was read, for messages. */
  line: number;
}

/** The quiz of one module: the category of its questions in Moodle. */
export interface DocQuiz {
  title: string;
  questions: DocQuestion[];
}

/** A line-numbered problem, said in French. */
export interface GiftIssue {
  line: number;
  message: string;
}
