import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { Problem } from '../ui/Problem';

// The contract lists reviews per product only, so the console finds a product first.
const ReviewedProductsQuery = graphql(`
  query ReviewedProducts($search: String) {
    products(first: 10, search: $search, order: [{ field: RATING, direction: DESC }]) {
      nodes {
        id
        name
        reviews(first: 20) { nodes { id author rating title body createdAt reply { body } } }
      }
    }
  }
`);

const ReplyMutation = graphql(`
  mutation ReplyToReview($input: ReplyToReviewInput!) {
    replyToReview(input: $input) {
      review { id reply { body createdAt } }
      errors { code message field }
    }
  }
`);

export function ReviewsAdmin() {
  const [search, setSearch] = useState('');
  const [{ data, error }, refetch] = useQuery({ query: ReviewedProductsQuery, variables: { search: search || null } });
  return (
    <>
      <h1>Reviews</h1>
      <label>
        Product{' '}
        <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
      </label>
      {error && <Problem error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />}
      {data?.products.nodes
        .filter((p) => p.reviews.nodes.length > 0)
        .map((p) => (
          <section key={p.id}>
            <h2>{p.name}</h2>
            <ul className="reviews">
              {p.reviews.nodes.map((r) => (
                <li key={r.id}>
                  <h3>{r.title} ({r.rating} out of 5) by {r.author}</h3>
                  <p>{r.body}</p>
                  {r.reply ? <p className="reply">Replied: {r.reply.body}</p> : <ReplyForm reviewId={r.id} />}
                </li>
              ))}
            </ul>
          </section>
        ))}
    </>
  );
}

function ReplyForm({ reviewId }: { reviewId: string }) {
  const [body, setBody] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [{ fetching }, reply] = useMutation(ReplyMutation);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!body.trim()) {
      setProblem('Write the reply first.');
      return;
    }
    const result = await reply({ input: { reviewId, body: body.trim() } });
    const payload = result.data?.replyToReview;
    setProblem(!payload ? 'The shop cannot be reached. Try again.' : (payload.errors[0]?.message ?? null));
  };
  return (
    <form className="inline-form" onSubmit={submit} noValidate>
      <input aria-label="Reply" value={body} onChange={(e) => setBody(e.target.value)} />
      <button type="submit" disabled={fetching}>Reply</button>
      {problem && <span className="field-error" role="alert">{problem}</span>}
    </form>
  );
}
