import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { Problem } from '../ui/Problem';

const FailedMailsQuery = graphql(`
  query FailedOrderMails($after: String) {
    orderMails(delivery: FAILED, first: 25, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id orderNumber recipient kind attempts lastError lastAttemptAt }
    }
  }
`);

const RetryMutation = graphql(`
  mutation RetryOrderMail($input: RetryOrderMailInput!) {
    retryOrderMail(input: $input) {
      mail { id delivery }
      errors { code message field }
    }
  }
`);

/** Order mails the mailer gave up on (the server refused them), each with a retry that queues it again. */
export function MailAdmin() {
  const [after, setAfter] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const [{ data, error }, refetch] = useQuery({ query: FailedMailsQuery, variables: { after }, requestPolicy: 'cache-and-network' });
  const [{ fetching }, retry] = useMutation(RetryMutation);
  const retryMail = async (id: string, orderNumber: string) => {
    const result = await retry({ input: { mailId: id } });
    const payload = result.data?.retryOrderMail;
    setMessage(!payload ? 'The shop cannot be reached. Try again.' : (payload.errors[0]?.message ?? `The mail about order ${orderNumber} is queued again.`));
    refetch({ requestPolicy: 'network-only' });
  };
  return (
    <>
      <h1>Undelivered mail</h1>
      {error && <Problem error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />}
      <p role="status">{message || (data ? `${data.orderMails.totalCount} undelivered mails` : '')}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">Order</th><th scope="col">To</th><th scope="col">About</th><th scope="col">Attempts</th>
            <th scope="col">Last error</th><th scope="col">Last tried</th><th scope="col"><span className="visually-hidden">Retry</span></th>
          </tr>
        </thead>
        <tbody>
          {data?.orderMails.nodes.map((m) => (
            <tr key={m.id}>
              <td>{m.orderNumber}</td>
              <td>{m.recipient}</td>
              <td>{m.kind.replace(/_/g, ' ').toLowerCase()}</td>
              <td>{m.attempts}</td>
              <td>{m.lastError}</td>
              <td>{m.lastAttemptAt ? new Date(m.lastAttemptAt).toLocaleString() : ''}</td>
              <td>
                <button type="button" disabled={fetching} onClick={() => retryMail(m.id, m.orderNumber)} aria-label={`Retry the mail about order ${m.orderNumber}`}>
                  Retry
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {data?.orderMails.pageInfo.hasNextPage && (
        <button type="button" onClick={() => setAfter(data.orderMails.pageInfo.endCursor ?? null)}>More mails</button>
      )}
    </>
  );
}
