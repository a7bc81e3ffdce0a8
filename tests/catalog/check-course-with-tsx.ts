// Run with tsx by course-worker-under-tsx.slow.test.ts, as `npm start` runs the server: checks the course
// folder given as argument in a worker and prints what came back.
import path from 'node:path';
import { checkCourseInWorker } from '../../server/catalog/check-course-in-worker.ts';

const dir = process.argv[2]!;
const { course, issues } = await checkCourseInWorker(dir, { displayRoot: path.dirname(dir) });
console.log(JSON.stringify({ title: course?.title, firstModuleHtml: course?.modules[0]?.htmlBefore.length, issues }));
