/**
 * Bounds on authored content, checked before the text is parsed or rendered: marked stalls or crashes on huge
 * or deeply nested input, and some of its rules cost more than in proportion to a line or to the emphasis
 * marks of a text, so such input is refused with a course issue instead.
 */
export const limits = {
  markdownBytes: 200 * 1024,
  /** Characters of a front matter (between its two `---` lines): YAML checks duplicate keys pairwise. */
  frontMatterChars: 20_000,
  /** Characters per line of a Markdown file. */
  lineChars: 10_000,
  nestingDepth: 8,
  /** Emphasis marks (`*`, `_`, `~`) per Markdown file, outside code blocks. */
  emphasisMarks: 1_000,
  assetBytes: 5 * 1024 * 1024,
  modulesPerCourse: 60,
} as const;

export const imageExtensions = ['.jpg', '.jpeg', '.png', '.gif', '.webp'] as const;
export const attachmentExtensions = ['.pdf', '.odt', '.docx', '.txt'] as const;
export const assetExtensions: readonly string[] = [...imageExtensions, ...attachmentExtensions];
