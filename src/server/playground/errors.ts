/**
 * Errors from Amazon Bedrock and the AWS SDK as plain advice for the person at the playground. Only the error's
 * kind is used, plus Bedrock's own message for a rejected parameter: never a stack, a request ID or anything from
 * the credentials.
 */
import type { Refusal } from '../responses';
import { plural } from '../../lib/plural';

/** How to give the server AWS credentials, for every message that lacks them. */
export const CREDENTIALS_ADVICE =
  'Give this server AWS credentials the standard way: run "aws configure", or set AWS_PROFILE to a configured ' +
  'profile (after "aws sso login" for an SSO profile), or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.';

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'ERR_HTTP2_STREAM_ERROR',
  'ERR_HTTP2_STREAM_CANCEL',
  'ERR_HTTP2_SESSION_ERROR',
  'ERR_HTTP2_GOAWAY_SESSION',
  'ERR_HTTP2_ERROR',
]);

/** Bedrock stayed silent past a deadline: before the first event of the answer, or between two events. */
export class BedrockTimeout extends Error {
  override readonly name = 'BedrockTimeout';
  constructor(
    readonly waitingFor: 'first-byte' | 'idle',
    readonly ms: number,
  ) {
    super(`No ${waitingFor === 'idle' ? 'further ' : ''}event from Bedrock for ${ms} ms`);
  }
}

/** The answer's stream ended without Bedrock's messageStop event, so the answer is incomplete. */
export class AnswerCutOff extends Error {
  override readonly name = 'AnswerCutOff';
  constructor() {
    super('The answer stream ended before its messageStop event');
  }
}

function errorName(error: unknown) {
  return error instanceof Error ? error.name : '';
}

function errorCode(error: unknown) {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

/** True when the error, or the error that caused it, is a failure to reach the endpoint. */
function isNetworkError(error: unknown) {
  const cause = (error as { cause?: unknown } | null)?.cause;
  return (
    NETWORK_CODES.has(errorCode(error)) || NETWORK_CODES.has(errorCode(cause)) || errorName(error) === 'TimeoutError'
  );
}

/** Bedrock's own explanation of a rejected request, shortened; it names the parameter and holds no secrets. */
function bedrockMessage(error: unknown) {
  const message = error instanceof Error ? error.message.replace(/\s+/g, ' ').trim() : '';
  return message.length > 300 ? `${message.slice(0, 297)}...` : message;
}

/** True when the error only says the request was aborted (Stop, or the browser went away). */
export function isAbort(error: unknown) {
  return errorName(error) === 'AbortError' || errorCode(error) === 'ABORT_ERR';
}

/** Plain words and advice for an error from a Bedrock call, for the given model. */
export function describeBedrockError(error: unknown, modelName: string): Refusal {
  if (error instanceof BedrockTimeout)
    return {
      status: 504,
      error: {
        code: 'bedrock-timeout',
        message:
          error.waitingFor === 'idle'
            ? `Amazon Bedrock stopped answering: nothing more came from ${modelName} for ${seconds(error.ms)}, so the answer is incomplete.`
            : `Amazon Bedrock stopped answering: ${modelName} had not started its answer after ${seconds(error.ms)}.`,
        advice: "Send again. If it keeps happening, try another model or check the server's connection to AWS.",
      },
    };
  if (error instanceof AnswerCutOff)
    return {
      status: 502,
      error: {
        code: 'answer-cut-off',
        message: `The answer from ${modelName} was cut off before it ended: what you see is incomplete.`,
        advice: "Send again for a complete answer. If it keeps happening, check the server's connection to AWS.",
      },
    };
  const name = errorName(error);
  switch (name) {
    case 'AccessDeniedException':
      return {
        status: 403,
        error: {
          code: 'no-model-access',
          message: `Your AWS account may not use ${modelName} on Amazon Bedrock yet.`,
          advice:
            'In the Amazon Bedrock console, open "Model access" in this region and request access to the model. ' +
            'The server\'s IAM identity also needs permission for "bedrock:InvokeModelWithResponseStream" on it.',
        },
      };
    case 'ThrottlingException':
    case 'ServiceQuotaExceededException':
      return {
        status: 429,
        error: {
          code: 'throttled',
          message: `Amazon Bedrock is limiting requests to ${modelName} right now.`,
          advice: 'Wait a minute and try again. Bedrock quotas per model and region are listed in Service Quotas.',
        },
      };
    case 'ValidationException':
      return {
        status: 400,
        error: {
          code: 'bedrock-validation',
          message: `Amazon Bedrock rejected the request: ${bedrockMessage(error) || 'a parameter is not valid.'}`,
          advice: 'Change the parameter it names (for example a lower max tokens), then send again.',
        },
      };
    case 'ResourceNotFoundException':
      return {
        status: 404,
        error: {
          code: 'model-not-found',
          message: `Amazon Bedrock does not know ${modelName} under this model ID in the server's region.`,
          advice:
            'Check that the model is offered in the region the server uses (AWS_REGION or BEDROCK_REGION) and ' +
            "that the catalog's model ID, or its inference profile, exists there.",
        },
      };
    case 'ModelTimeoutException':
      return {
        status: 504,
        error: {
          code: 'model-timeout',
          message: `${modelName} took too long to answer.`,
          advice: 'Try again, perhaps with a shorter conversation or fewer max tokens.',
        },
      };
    case 'ModelNotReadyException':
    case 'ServiceUnavailableException':
      return {
        status: 503,
        error: {
          code: 'bedrock-unavailable',
          message: `${modelName} is not ready to answer at the moment.`,
          advice: 'Wait a little and try again.',
        },
      };
    case 'InternalServerException':
    case 'ModelErrorException':
    case 'ModelStreamErrorException':
      return {
        status: 502,
        error: {
          code: 'bedrock-error',
          message: `Amazon Bedrock or ${modelName} failed while answering.`,
          advice: 'Try again; if it keeps failing, try another model.',
        },
      };
    case 'CredentialsProviderError':
    case 'ExpiredTokenException':
    case 'ExpiredToken':
    case 'UnrecognizedClientException':
    case 'InvalidSignatureException':
    case 'TokenProviderError':
      return {
        status: 503,
        error: {
          code: 'no-credentials',
          message: "The server's AWS credentials are missing, expired or not valid.",
          advice: `${CREDENTIALS_ADVICE} Then restart the server.`,
        },
      };
  }
  if (isNetworkError(error))
    return {
      status: 502,
      error: {
        code: 'network',
        message: 'The server could not reach Amazon Bedrock.',
        advice: "Check the server's network connection, and BEDROCK_ENDPOINT if it points at another endpoint.",
      },
    };
  return {
    status: 502,
    error: {
      code: 'bedrock-error',
      message: `Amazon Bedrock could not answer with ${modelName}.`,
      advice: "Try again; if it keeps failing, the server's log names the error.",
    },
  };
}

function seconds(ms: number) {
  const value = Math.round(ms / 100) / 10;
  return `${plural(value, 'second')}`;
}

/** One log line for the server's console: the kind of error and its message, no stack. */
export function logLine(error: unknown) {
  const name = errorName(error) || 'Error';
  const code = errorCode(error);
  return `Playground: Bedrock call failed: ${name}${code ? ` (${code})` : ''}: ${bedrockMessage(error)}`;
}
