import type { CombinedError } from '@urql/core';

interface Props {
  error: CombinedError;
  retry(): void;
}

/** Seconds the server asked us to wait, when it refused the request for the client's query budget. */
function retryAfter(error: CombinedError): number | null {
  for (const e of error.graphQLErrors) {
    if (e.extensions?.code === 'RATE_LIMITED') {
      const wait = Number(e.extensions.retryAfter);
      return Number.isFinite(wait) ? Math.ceil(wait) : 1;
    }
  }
  return error.response?.status === 429 ? 1 : null;
}

/** A failed request, said in words, with a way to try again. */
export function Problem({ error, retry }: Props) {
  const wait = retryAfter(error);
  const text =
    wait !== null
      ? `The shop is busy: too many requests from you in a short time. Try again in ${wait} s.`
      : error.networkError
        ? 'The shop cannot be reached. Check your connection and try again.'
        : `Something went wrong: ${error.graphQLErrors[0]?.message ?? error.message}`;
  return (
    <div className="problem" role="alert">
      <p>{text}</p>
      <button type="button" onClick={retry}>
        Try again
      </button>
    </div>
  );
}
