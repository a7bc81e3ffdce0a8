// Served to the browser as /static/slugify.js too (public/studio.js imports it): one implementation.
export { slugify } from '../../public/slugify.js';
