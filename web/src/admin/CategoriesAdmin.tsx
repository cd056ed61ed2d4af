import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { Field } from '../forms/Field';
import { hasErrors, userErrorsByField } from '../forms/validation';
import { Link } from '../router';
import { Problem } from '../ui/Problem';
import { categoryOptions } from './categoryOptions';

const AdminCategoriesQuery = graphql(`
  query AdminCategories {
    categories { id name slug children { id name slug } }
  }
`);

const CreateCategoryMutation = graphql(`
  mutation CreateCategory($input: CreateCategoryInput!) {
    createCategory(input: $input) {
      category { id name slug }
      errors { code message field }
    }
  }
`);

interface Node {
  id: string;
  name: string;
  slug: string;
  children?: readonly Node[];
}

function Tree({ nodes }: { nodes: readonly Node[] }) {
  return (
    <ul className="category-tree">
      {nodes.map((c) => (
        <li key={c.id}>
          <Link href={`/search?category=${encodeURIComponent(c.id)}`}>{c.name}</Link> <span className="brand">/{c.slug}</span>
          {c.children && c.children.length > 0 && <Tree nodes={c.children} />}
        </li>
      ))}
    </ul>
  );
}

/** The category tree, and a form to add a category at the top or under another. */
export function CategoriesAdmin() {
  const [{ data, error }, refetch] = useQuery({ query: AdminCategoriesQuery, requestPolicy: 'cache-and-network' });
  const [values, setValues] = useState({ name: '', slug: '', parentId: '' });
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [created, setCreated] = useState<string | null>(null);
  const [{ fetching }, create] = useMutation(CreateCategoryMutation);
  const set = (key: keyof typeof values) => (e: { target: { value: string } }) => setValues({ ...values, [key]: e.target.value });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setCreated(null);
    const local = {
      name: values.name.trim() ? undefined : 'Enter a name.',
      slug: !values.slug.trim() || /^[a-z0-9]+(-[a-z0-9]+)*$/.test(values.slug.trim()) ? undefined : 'Use lower-case letters, digits and dashes, such as desk-lamps.',
    };
    setErrors(local);
    if (hasErrors(local)) return;
    const result = await create({
      input: { name: values.name.trim(), slug: values.slug.trim() || null, parentId: values.parentId || null },
    });
    const payload = result.data?.createCategory;
    if (!payload) setErrors({ form: 'The shop cannot be reached. Try again.' });
    else if (payload.errors.length) {
      const byField = userErrorsByField(payload.errors);
      setErrors({ ...byField, form: byField.form ?? byField.parentId });
    } else {
      setCreated(payload.category?.name ?? values.name);
      setValues({ name: '', slug: '', parentId: '' });
    }
  };

  return (
    <>
      <h1>Categories</h1>
      <form onSubmit={submit} noValidate aria-labelledby="new-category-heading">
        <h2 id="new-category-heading">New category</h2>
        {errors.form && <p className="field-error" role="alert">{errors.form}</p>}
        {created && <p className="notice" role="status">Created category {created}.</p>}
        <div className="row">
          <Field label="Name" value={values.name} onChange={set('name')} error={errors.name} />
          <Field label="Slug" placeholder="made from the name" value={values.slug} onChange={set('slug')} error={errors.slug} />
          <div className="field">
            <label htmlFor="category-parent">Parent</label>
            <select id="category-parent" value={values.parentId} onChange={set('parentId')}>
              <option value="">None: a top-level category</option>
              {categoryOptions(data?.categories ?? []).map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
            </select>
          </div>
        </div>
        <button type="submit" className="primary" disabled={fetching}>Create category</button>
      </form>
      <h2>All categories</h2>
      {error && <Problem error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />}
      {data && <Tree nodes={data.categories} />}
    </>
  );
}
