import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { Field, TextAreaField } from '../forms/Field';
import { hasErrors, userErrorsByField } from '../forms/validation';
import { Link } from '../router';
import { Money } from '../ui/Money';
import { Problem } from '../ui/Problem';
import { formatAttributes, parseAttributes } from './attributes';
import { categoryOptions } from './categoryOptions';

const attributesHint = 'One per line, as name: value (for example colour: brass).';

const AdminProductsQuery = graphql(`
  query AdminProducts($search: String) {
    categories { id name children { id name } }
    products(first: 25, search: $search, order: [{ field: CREATED_AT, direction: DESC }]) {
      totalCount
      nodes {
        id sku slug name brand description archived
        price { amount currency }
        stock { available onHand reserved }
        categories { id name }
        attributes { name value }
      }
    }
  }
`);

const CreateProductMutation = graphql(`
  mutation CreateProduct($input: CreateProductInput!) {
    createProduct(input: $input) {
      product { id slug name }
      errors { code message field }
    }
  }
`);

const UpdateProductMutation = graphql(`
  mutation UpdateProduct($input: UpdateProductInput!) {
    updateProduct(input: $input) {
      product { id name brand price { amount currency } categories { id name } attributes { name value } }
      errors { code message field }
    }
  }
`);

const ArchiveProductMutation = graphql(`
  mutation ArchiveProduct($input: ArchiveProductInput!) {
    archiveProduct(input: $input) {
      product { id archived }
      errors { code message field }
    }
  }
`);

const decimalPattern = /^\d+(\.\d{1,2})?$/;

export function ProductsAdmin() {
  const [search, setSearch] = useState('');
  const [{ data, error }, refetch] = useQuery({
    query: AdminProductsQuery,
    variables: { search: search || null },
    requestPolicy: 'cache-and-network',
  });
  const [editing, setEditing] = useState<string | null>(null);
  const [, archive] = useMutation(ArchiveProductMutation);
  const categories = categoryOptions(data?.categories ?? []);
  return (
    <>
      <h1>Products</h1>
      <CreateProductForm categories={categories} onCreated={() => refetch({ requestPolicy: 'network-only' })} />
      <h2>Catalog</h2>
      <label>
        Find{' '}
        <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
      </label>
      {error && <Problem error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />}
      <table>
        <thead>
          <tr><th scope="col">SKU</th><th scope="col">Name</th><th scope="col">Price</th><th scope="col">Stock</th><th scope="col">Actions</th></tr>
        </thead>
        <tbody>
          {data?.products.nodes.map((p) =>
            editing === p.id ? (
              <tr key={p.id}>
                <td colSpan={5}>
                  <EditProductForm product={p} categories={categories} onDone={() => setEditing(null)} />
                </td>
              </tr>
            ) : (
              <tr key={p.id}>
                <td>{p.sku}</td>
                <td>
                  <Link href={`/products/${encodeURIComponent(p.slug)}`}>{p.name}</Link>
                  {p.archived && ' (archived)'}
                  {p.categories.length > 0 && <span className="brand"> in {p.categories.map((c) => c.name).join(', ')}</span>}
                </td>
                <td><Money value={p.price} /></td>
                <td>{p.stock.available} available, {p.stock.reserved} reserved</td>
                <td>
                  <button type="button" onClick={() => setEditing(p.id)}>Edit<span className="visually-hidden"> {p.name}</span></button>{' '}
                  {!p.archived && (
                    <button type="button" onClick={() => void archive({ input: { productId: p.id } })}>
                      Archive<span className="visually-hidden"> {p.name}</span>
                    </button>
                  )}
                </td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </>
  );
}

function CreateProductForm({ categories, onCreated }: { categories: { id: string; name: string }[]; onCreated(): void }) {
  const empty = { sku: '', name: '', description: '', brand: '', price: '', initialStock: '0', categoryId: '', attributes: '' };
  const [values, setValues] = useState(empty);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [created, setCreated] = useState<string | null>(null);
  const [{ fetching }, create] = useMutation(CreateProductMutation);
  const set = (key: keyof typeof values) => (e: { target: { value: string } }) => setValues({ ...values, [key]: e.target.value });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const local = {
      sku: values.sku.trim() ? undefined : 'Enter a SKU.',
      name: values.name.trim() ? undefined : 'Enter a name.',
      description: values.description.trim() ? undefined : 'Enter a description.',
      price: decimalPattern.test(values.price) ? undefined : 'Enter a price such as 19.99.',
      initialStock: /^\d+$/.test(values.initialStock) ? undefined : 'Enter a whole number.',
      attributes: parseAttributes(values.attributes).error,
    };
    setErrors(local);
    setCreated(null);
    if (hasErrors(local)) return;
    const result = await create({
      input: {
        sku: values.sku.trim(),
        name: values.name.trim(),
        description: values.description.trim(),
        brand: values.brand.trim() || null,
        price: values.price,
        initialStock: Number(values.initialStock),
        categoryIds: values.categoryId ? [values.categoryId] : null,
        attributes: parseAttributes(values.attributes).attributes,
      },
    });
    const payload = result.data?.createProduct;
    if (!payload) setErrors({ form: 'The shop cannot be reached. Try again.' });
    else if (payload.errors.length) setErrors(userErrorsByField(payload.errors));
    else {
      setCreated(payload.product?.name ?? values.name);
      setValues(empty);
      onCreated();
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="create-heading">
      <h2 id="create-heading">New product</h2>
      {errors.form && <p className="field-error" role="alert">{errors.form}</p>}
      {created && <p className="notice" role="status">Created {created}.</p>}
      <div className="row">
        <Field label="SKU" value={values.sku} onChange={set('sku')} error={errors.sku} />
        <Field label="Name" value={values.name} onChange={set('name')} error={errors.name} />
        <Field label="Brand" value={values.brand} onChange={set('brand')} error={errors.brand} />
      </div>
      <Field label="Description" value={values.description} onChange={set('description')} error={errors.description} />
      <div className="row">
        <Field label="Price" inputMode="decimal" value={values.price} onChange={set('price')} error={errors.price} />
        <Field label="Initial stock" inputMode="numeric" value={values.initialStock} onChange={set('initialStock')} error={errors.initialStock} />
        <div className="field">
          <label htmlFor="new-category">Category</label>
          <select id="new-category" value={values.categoryId} onChange={set('categoryId')}>
            <option value="">None</option>
            {categories.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
        </div>
      </div>
      <TextAreaField label="Attributes" hint={attributesHint} rows={3} value={values.attributes} onChange={set('attributes')} error={errors.attributes} />
      <button type="submit" className="primary" disabled={fetching}>Create product</button>
    </form>
  );
}

interface Editable {
  id: string;
  name: string;
  description: string;
  brand?: string | null;
  price: { amount: string };
  categories: readonly { id: string }[];
  attributes: readonly { name: string; value: string }[];
}

function EditProductForm({ product, categories, onDone }: { product: Editable; categories: { id: string; name: string }[]; onDone(): void }) {
  const [name, setName] = useState(product.name);
  const [price, setPrice] = useState(product.price.amount);
  const [brand, setBrand] = useState(product.brand ?? '');
  const [categoryId, setCategoryId] = useState(product.categories[0]?.id ?? '');
  const [attributes, setAttributes] = useState(formatAttributes(product.attributes));
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [{ fetching }, update] = useMutation(UpdateProductMutation);
  const categoryField = useId();
  // A product in several categories keeps the others: the form changes only the first.
  const categoryIds = [categoryId, ...product.categories.slice(1).map((c) => c.id)].filter((id, i, all) => id && all.indexOf(id) === i);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseAttributes(attributes);
    const local = {
      name: name.trim() ? undefined : 'Enter a name.',
      price: decimalPattern.test(price) ? undefined : 'Enter a price such as 19.99.',
      attributes: parsed.error,
    };
    setErrors(local);
    if (hasErrors(local)) return;
    const result = await update({
      input: { productId: product.id, name: name.trim(), price, brand: brand.trim() || null, categoryIds, attributes: parsed.attributes },
    });
    const payload = result.data?.updateProduct;
    if (!payload) setErrors({ form: 'The shop cannot be reached. Try again.' });
    else if (payload.errors.length) setErrors(userErrorsByField(payload.errors));
    else onDone();
  };
  return (
    <form className="inline-form" onSubmit={submit} noValidate aria-label={`Edit ${product.name}`}>
      {errors.form && <p className="field-error" role="alert">{errors.form}</p>}
      <Field label="Name" value={name} onChange={(e) => setName(e.target.value)} error={errors.name} />
      <Field label="Brand" value={brand} onChange={(e) => setBrand(e.target.value)} error={errors.brand} />
      <Field label="Price" inputMode="decimal" value={price} onChange={(e) => setPrice(e.target.value)} error={errors.price} />
      <div className="field">
        <label htmlFor={categoryField}>Category</label>
        <select id={categoryField} value={categoryId} onChange={(e) => setCategoryId(e.target.value)}>
          <option value="">None</option>
          {categories.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
        </select>
      </div>
      <TextAreaField label="Attributes" hint={attributesHint} rows={3} value={attributes} onChange={(e) => setAttributes(e.target.value)} error={errors.attributes} />
      <button type="submit" className="primary" disabled={fetching}>Save</button>
      <button type="button" onClick={onDone}>Discard changes</button>
    </form>
  );
}
