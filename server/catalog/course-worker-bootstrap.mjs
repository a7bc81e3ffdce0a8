// A worker thread starts from plain JavaScript: this registers tsx's loader in the worker, then runs the
// TypeScript entry whose URL the pool passes (Node 20 gives a worker's entry no TypeScript support of its own).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
