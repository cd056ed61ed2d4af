import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import { Field } from '../forms/Field';
import { userErrorsByField } from '../forms/validation';
import { useSession } from '../session/Session';

const AddReviewMutation = graphql(`
  mutation AddReview($input: AddReviewInput!) {
    addReview(input: $input) {
      review { id }
      errors { code message field }
    }
  }
`);

/** Verified buyers review what was delivered to them; the server decides who may (REVIEW_NOT_ALLOWED). */
export function ReviewForm({ productId }: { productId: string }) {
  const { viewer } = useSession();
  const [rating, setRating] = useState('5');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState(false);
  const [{ fetching }, addReview] = useMutation(AddReviewMutation);
  if (!viewer) return null;
  if (done) return <p role="status">Thank you for your review.</p>;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!title.trim()) local.title = 'Give your review a title.';
    if (!body.trim()) local.body = 'Write a few words about the product.';
    setErrors(local);
    if (Object.keys(local).length) return;
    const result = await addReview({ input: { productId, rating: Number(rating), title, body } });
    const payload = result.data?.addReview;
    if (!payload) setErrors({ form: 'The shop cannot be reached. Try again.' });
    else if (payload.errors.length) setErrors(userErrorsByField(payload.errors));
    else setDone(true);
  };

  return (
    <form className="review-form" onSubmit={submit} noValidate>
      <h3>Write a review</h3>
      {errors.form && <p className="field-error" role="alert">{errors.form}</p>}
      <label>
        Rating{' '}
        <select value={rating} onChange={(e) => setRating(e.target.value)}>
          {[5, 4, 3, 2, 1].map((n) => (
            <option key={n} value={n}>
              {n} out of 5
            </option>
          ))}
        </select>
      </label>
      {errors.rating && <p className="field-error">{errors.rating}</p>}
      <Field label="Title" value={title} onChange={(e) => setTitle(e.target.value)} error={errors.title} />
      <div className="field">
        <label htmlFor="review-body">Review</label>
        <textarea id="review-body" value={body} onChange={(e) => setBody(e.target.value)} rows={4} />
        {errors.body && <p className="field-error">{errors.body}</p>}
      </div>
      <button type="submit" disabled={fetching}>
        Post review
      </button>
    </form>
  );
}
