import { createServer, IncomingMessage, type Server, ServerResponse } from 'node:http';
import type { Express } from 'express';

/**
 * The HTTP server of `app`, whose requests and responses are born as the app's own objects.
 *
 * Express gives each request its methods (`req.path`, `res.send`…) by changing the prototype of Node's
 * request and response objects (`Object.setPrototypeOf` in `app.handle`). V8 then gives both objects a
 * hidden class of their own at every request, so every property read or write on them, in Express, in
 * Node's HTTP code and in ours, misses its inline cache and takes V8's slow lookup: about half of a bare
 * Express answer's CPU (docs/decisions/026-module-page-cpu.md). Here Node creates them with the app's
 * prototypes from the start; Express's own `setPrototypeOf` then changes nothing, and each request has the
 * hidden classes of the one before. Same objects, same prototype chain (`instanceof IncomingMessage` holds).
 */
export function createAppServer(app: Express): Server {
  return createServer(
    {
      IncomingMessage: bornWith(IncomingMessage, app.request),
      ServerResponse: bornWith(ServerResponse, app.response),
    },
    app,
  );
}

/**
 * A constructor Node can call with `new`, making `Base`'s object with `prototype` as its prototype.
 * `Base.call(this)`, not `Reflect.construct(Base, args, Born)`: V8 caches the hidden class of objects made
 * that way only for a subclass, so the latter would give each request a hidden class of its own again.
 * Node writes both constructors as plain functions (tests/http/app-server.test.ts would fail otherwise).
 */
function bornWith<T extends object>(Base: T, prototype: object): T {
  const init = Base as unknown as (this: object, ...args: unknown[]) => void;
  function Born(this: object, ...args: unknown[]) {
    init.apply(this, args);
  }
  Born.prototype = prototype;
  return Born as unknown as T;
}
