/** Reply bodies serialised once per held answer: the caches hand back the same object until its data changes (decision 0072). */
import type { FastifyReply } from 'fastify';

/** One route's serialised bodies, keyed by the held answer they were made from, so they go when the answer does. */
export class SerialisedOnce<T extends object> {
  private readonly bodies = new WeakMap<T, string | Buffer | ArrayBuffer>();

  /** Sends `body(answer)` as JSON through the route's own response schema, serialising it only the first time `answer` is sent. */
  send(reply: FastifyReply, answer: T, body: (answer: T) => unknown): FastifyReply {
    let json = this.bodies.get(answer);
    if (json === undefined) {
      json = reply.serialize(body(answer));
      this.bodies.set(answer, json);
    }
    return reply.type('application/json; charset=utf-8').send(json);
  }
}
