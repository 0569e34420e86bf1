/** The one place where errors become responses: problem+json for the API, NHS-style pages for people. */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, type DomainErrorCode, type FieldError, isDomainError, statusForCode } from '../../lib/errors.ts';
import { isApiRequest } from './auth.ts';
import { forgetPublicCaching } from './public-reads.ts';

const TITLES: Record<number, string> = {
  400: 'There is a problem with your request',
  401: 'You need to sign in',
  403: 'You do not have permission to see this page',
  404: 'Page not found',
  409: 'This has changed since you last looked',
  413: 'The file or request is too large',
  422: 'The request breaks a rule of the service',
  429: 'Too many attempts',
  503: 'Sorry, the service is unavailable',
};

/** Turns anything thrown into a DomainError; unknown errors become a 500 whose detail is never shown. */
export function toDomainError(error: FastifyError | Error): DomainError | undefined {
  if (isDomainError(error)) return error;
  const fastifyError = error as FastifyError;
  if (fastifyError.code === 'FST_CSRF_INVALID_TOKEN' || fastifyError.code === 'FST_CSRF_MISSING_SECRET') {
    return new DomainError('csrf-invalid', 'Your form expired or was sent from another site. Go back, refresh the page and try again.');
  }
  if (fastifyError.validation) {
    const fieldErrors = fastifyError.validation.map((issue) => ({
      field:
        String(issue.instancePath || (issue.params as { missingProperty?: string })?.missingProperty || '')
          .replace(/^\//, '')
          .replaceAll('/', '.') || 'body',
      message: issue.message ?? 'is invalid',
    }));
    return new DomainError('validation-failed', error.message, { fieldErrors });
  }
  const status = fastifyError.statusCode;
  if (status === 429) return new DomainError('too-many-requests', 'You have tried too many times. Wait a minute, then try again.');
  if (status === 415 || status === 400) return new DomainError('validation-failed', error.message);
  if (status === 404) return new DomainError('not-found', 'Not found');
  if (status === 503) return new DomainError('unavailable', 'The service is busy. Try again shortly.');
  return undefined;
}

/** Sends an RFC 9457 problem with a stable `code`. */
export function sendProblem(
  reply: FastifyReply,
  status: number,
  code: string,
  detail: string,
  extra: Record<string, unknown> = {},
): FastifyReply {
  return reply
    .status(status)
    .type('application/problem+json')
    .send({ type: `https://aqp.invalid/problems/${code}`, title: TITLES[status] ?? 'Error', status, code, detail, ...extra });
}

function sendErrorPage(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: ErrorAnswer['code'],
  detail: string,
): FastifyReply {
  const template =
    status === 404 ? 'pages/errors/not-found.njk' : status >= 500 ? 'pages/errors/server-error.njk' : 'pages/errors/problem.njk';
  return reply
    .status(status)
    .render(template, { pageTitle: TITLES[status] ?? 'Sorry, there is a problem', detail, code, signedIn: Boolean(request.principal) });
}

/** A body over the size limit is 413 Content Too Large (RFC 9110), not a validation failure. */
function sendTooLarge(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const detail = 'The request is larger than this service accepts. Send less, or a smaller file.';
  if (isApiRequest(request)) return sendProblem(reply, 413, 'too-large', detail);
  return reply
    .status(413)
    .render('pages/errors/problem.njk', { pageTitle: TITLES[413], detail, code: 'too-large', signedIn: Boolean(request.principal) });
}

/** What any error means to a caller, whichever format answers it (problem+json, a page, a FHIR OperationOutcome). */
export interface ErrorAnswer {
  status: number;
  code: DomainErrorCode | 'internal' | 'too-large';
  detail: string;
  fieldErrors?: FieldError[];
  retryAfterSeconds?: number;
}

/** The one mapping from a thrown error to status, code and wording (statuses from `statusForCode`); an unknown error is a 500 that hides its detail. */
export function errorAnswerOf(error: FastifyError | Error): ErrorAnswer {
  if ((error as FastifyError).statusCode === 413) {
    return { status: 413, code: 'too-large', detail: 'The request is larger than this service accepts. Send less, or a smaller file.' };
  }
  const domainError = toDomainError(error);
  if (!domainError) return { status: 500, code: 'internal', detail: 'Something went wrong on our side. It has been logged.' };
  const { fieldErrors, retryAfterSeconds } = domainError.details;
  return {
    status: statusForCode[domainError.code],
    code: domainError.code,
    detail: domainError.message,
    ...(fieldErrors ? { fieldErrors } : {}),
    ...(typeof retryAfterSeconds === 'number' ? { retryAfterSeconds } : {}),
  };
}

/** Logs an unexpected error and clears what a half-made reply may carry, before any format answers it. */
export function prepareErrorReply(error: Error, answer: ErrorAnswer, request: FastifyRequest, reply: FastifyReply): void {
  forgetPublicCaching(reply);
  reply.removeHeader('content-encoding'); // a gzipped page that failed on its way out: its error page is sent as it is
  if (answer.status === 500) {
    request.log.error({ err: error }, 'unhandled error');
    reply.removeHeader('location');
  }
  if (answer.retryAfterSeconds !== undefined) reply.header('retry-after', String(answer.retryAfterSeconds));
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const answer = errorAnswerOf(error);
    prepareErrorReply(error, answer, request, reply);
    if (answer.code === 'too-large') return sendTooLarge(request, reply);
    if (isApiRequest(request)) {
      return sendProblem(reply, answer.status, answer.code, answer.detail, answer.fieldErrors ? { errors: answer.fieldErrors } : {});
    }
    return sendErrorPage(request, reply, answer.status, answer.code, answer.status === 500 ? '' : answer.detail);
  });

  app.setNotFoundHandler((request, reply) => {
    if (isApiRequest(request)) return sendProblem(reply, 404, 'not-found', `No resource at ${request.method} ${request.url.split('?')[0]}`);
    return sendErrorPage(request, reply, 404, 'not-found', '');
  });
}
