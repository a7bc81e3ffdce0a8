/** Bounds on authored content: marked stalls or crashes on huge or deeply nested input, so we refuse it first. */
export const limits = {
  markdownBytes: 200 * 1024,
  nestingDepth: 8,
  assetBytes: 5 * 1024 * 1024,
  modulesPerCourse: 60,
} as const;

export const imageExtensions = ['.jpg', '.jpeg', '.png', '.gif', '.webp'] as const;
export const attachmentExtensions = ['.pdf', '.odt', '.docx', '.txt'] as const;
export const assetExtensions: readonly string[] = [...imageExtensions, ...attachmentExtensions];
