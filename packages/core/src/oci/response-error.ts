import { OciError } from './errors.ts';
import { attemptsOf, retryBudgetSpent } from './http.ts';

// How a registry's error answer becomes one line (distribution-spec "Error Codes": `{"errors":[{code,message}]}`),
// apart from registry.ts and remote.ts so that neither imports the other at run time.

/** Reads an error response into a one-line OciError: `<what>: <status> <CODE>: <message>`. */
export async function responseError(response: Response, what: string): Promise<OciError> {
  let code = statusCode(response.status);
  let message = '';
  const text = await response.text().catch(() => '');
  try {
    const body = JSON.parse(text) as { errors?: { code?: string; message?: string; detail?: unknown }[] };
    const first = body.errors?.[0];
    if (first?.code) code = first.code;
    if (first?.message) message = first.message;
  } catch {
    message = text.trim().slice(0, 200);
  }
  const retryAfter = response.headers.get('retry-after');
  const attempts = attemptsOf(response);
  const suffix = `${response.status === 429 && retryAfter ? ` (registry asked to retry after ${retryAfter}s)` : ''}${attempts > 1 ? ` (after ${attempts} attempts)` : ''}${retryBudgetSpent(response) ? '; gave up: waiting longer would exceed the retry budget (3 × --timeout / the timeout input)' : ''}`;
  const status = `${response.status} ${code}`;
  return new OciError(code, `${what}: ${status}${message && message !== code ? `: ${message}` : ''}${suffix}`.replace(/\s+/g, ' '), {
    status: response.status,
  });
}

function statusCode(status: number): string {
  switch (status) {
    case 401:
      return 'UNAUTHORIZED';
    case 403:
      return 'DENIED';
    case 404:
      return 'NOT_FOUND';
    case 429:
      return 'TOOMANYREQUESTS';
    default:
      return status >= 500 ? 'SERVER_ERROR' : 'UNEXPECTED_STATUS';
  }
}
