export function slugify(text: string, maxLength?: number): string;
