// The trainers’ studio, one file per part of it. A `{link}` (or `{markdown}`, `{file}`, `{choice}`) left
// in a sentence is where the template puts markup; keys ending in `Html` hold markup of our own and no
// parameter, and templates print them unescaped.
import { studioCourses } from './studio/courses.ts';
import { studioEditor } from './studio/editor.ts';
import { studioGift } from './studio/gift.ts';
import { studioHistory } from './studio/history.ts';
import { studioRefusals } from './studio/refusals.ts';

export const studio = {
  ...studioCourses,
  ...studioEditor,
  ...studioHistory,
  ...studioRefusals,
  ...studioGift,
} as const;

export type StudioMessageKey = keyof typeof studio;
