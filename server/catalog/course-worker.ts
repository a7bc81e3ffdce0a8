// The code a course worker thread runs (started by course-worker-pool.ts through course-worker-bootstrap.mjs):
// it checks and renders course text away from the server's event loop, telling the main thread which file it
// is on, so that a deadline can name it.
import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import { pagesToCount } from './check-job-aid-fits.ts';
import type { CourseWorkerMessage, CourseWorkerResults, CourseWorkerTask } from './course-worker-tasks.ts';
import { loadCourse } from './load-course.ts';
import { yaml } from './parse-plain-yaml.ts';
import { renderCourseNow } from './render-course-now.ts';
import { loadRenderer, renderMarkdown } from './render-markdown.ts';

const port = parentPort;
if (!port) throw new Error('course-worker.ts runs in a worker thread');
const send = (message: CourseWorkerMessage) => port.postMessage(message);

async function run(
  task: CourseWorkerTask,
  progress: (file: string) => void,
): Promise<CourseWorkerResults[CourseWorkerTask['kind']]> {
  if (task.kind === 'renderPreview') {
    if (task.file) progress(task.file);
    return renderMarkdown(task.markdown, task.ctx);
  }
  if (task.kind === 'countJobAidPages') {
    progress(task.file);
    const { layOutJobAid } = await import('./job-aid-pdf.ts');
    return { pages: (await layOutJobAid(task.course, task.jobAid, 'Passerelle', pagesToCount)).pages };
  }
  const loaded = await loadCourse(task.dir, { displayRoot: task.displayRoot, urlBase: task.urlBase, onFile: progress });
  const display = (file: string) => path.relative(task.displayRoot, path.join(task.dir, file)) || file;
  return {
    issues: loaded.issues,
    course: loaded.course && renderCourseNow(loaded.course, (file) => progress(display(file))),
  };
}

port.on('message', async ({ id, task }: { id: number; task: CourseWorkerTask }) => {
  try {
    const result = await run(task, (file) => send({ type: 'progress', id, file }));
    send({ type: 'done', id, result });
  } catch (error) {
    send({ type: 'failed', id, message: error instanceof Error ? error.message : String(error) });
  }
});
// The server loads YAML and the renderer on first use (decision 025). A worker exists to check and render:
// it loads them before it says it is ready, so that no task's deadline pays for them.
yaml();
loadRenderer();
send({ type: 'ready' });
