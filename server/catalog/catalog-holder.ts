import type { Catalog, Course } from './course.ts';

/**
 * The published catalog, loaded once at start-up and replaced course by course when the studio
 * publishes: readers always see a complete, validated catalog.
 */
export class CatalogHolder {
  constructor(private catalog: Catalog) {}

  get(): Catalog {
    return this.catalog;
  }

  /** Adds or replaces one course (after a publication), keeping the catalog sorted by slug. */
  publish(course: Course): void {
    const courses = [...this.catalog.courses.filter((c) => c.slug !== course.slug), course].sort((a, b) =>
      a.slug.localeCompare(b.slug),
    );
    this.catalog = { courses, bySlug: new Map(courses.map((c) => [c.slug, c])) };
  }

  remove(slug: string): void {
    const courses = this.catalog.courses.filter((c) => c.slug !== slug);
    this.catalog = { courses, bySlug: new Map(courses.map((c) => [c.slug, c])) };
  }
}
