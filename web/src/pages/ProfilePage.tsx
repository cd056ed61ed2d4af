import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import type { AddressBookQuery as AddressBook } from '../gql/graphql';
import { AddressFields, emptyAddress } from '../forms/AddressFields';
import { Field } from '../forms/Field';
import { checkAddress, checkNewPassword, hasErrors, userErrorsByField, type AddressValues } from '../forms/validation';
import { useSession } from '../session/Session';
import { Link } from '../router';
import { formatAddress } from '../ui/formatAddress';
import { Problem } from '../ui/Problem';
import { AddAddressMutation, AddressBookQuery, ChangePasswordMutation, RemoveAddressMutation, UpdateProfileMutation } from './accountOperations';

type Me = NonNullable<AddressBook['me']>;

/** The signed-in customer's name, phone and address book; checkout offers the saved addresses. */
export function ProfilePage() {
  const { viewer } = useSession();
  const [{ data, fetching, error }, refetch] = useQuery({ query: AddressBookQuery, pause: !viewer, requestPolicy: 'cache-and-network' });
  if (!viewer) return <p>Please <Link href="/signin">sign in</Link> to see your profile.</p>;
  if (error && !data) return <Problem error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />;
  const me = data?.me;
  if (!me) return fetching ? <p className="loading">Loading your profile…</p> : <p>Please <Link href="/signin">sign in</Link> again.</p>;
  return (
    <div className="profile">
      <h1>Your profile</h1>
      <ProfileForm key={me.id} me={me} />
      <PasswordForm email={me.email} />
      <section aria-labelledby="addresses-heading">
        <h2 id="addresses-heading">Saved addresses</h2>
        <AddressBook me={me} />
        <NewAddressForm />
      </section>
    </div>
  );
}

function ProfileForm({ me }: { me: Me }) {
  const { updateViewer } = useSession();
  const [name, setName] = useState(me.displayName);
  const [phone, setPhone] = useState(me.phone ?? '');
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [saved, setSaved] = useState(false);
  const [{ fetching }, update] = useMutation(UpdateProfileMutation);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const local = { displayName: name.trim() ? undefined : 'Enter your name.' };
    setErrors(local);
    if (hasErrors(local)) return;
    const result = await update({ input: { displayName: name.trim(), phone: phone.trim() } });
    const payload = result.data?.updateProfile;
    if (!payload) setErrors({ form: 'The shop cannot be reached. Your profile was not saved: try again.' });
    else if (payload.errors.length || !payload.customer) setErrors(userErrorsByField(payload.errors));
    else {
      updateViewer(payload.customer);
      setSaved(true);
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="details-heading">
      <h2 id="details-heading">Your details</h2>
      <p>Signed in as {me.email}.</p>
      {errors.form && <p className="field-error" role="alert">{errors.form}</p>}
      <Field label="Full name" autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} error={errors.displayName} />
      <Field label="Phone" type="tel" autoComplete="tel" value={phone} onChange={(e) => setPhone(e.target.value)} error={errors.phone} />
      <button type="submit" className="primary" disabled={fetching}>Save profile</button>
      {saved && <p className="notice" role="status">Your profile is saved.</p>}
    </form>
  );
}

/** The current password proves it is the customer at the keyboard; the new one meets the same rules as at registration. */
function PasswordForm({ email }: { email: string }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [changed, setChanged] = useState(false);
  const [{ fetching }, change] = useMutation(ChangePasswordMutation);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setChanged(false);
    const local = { currentPassword: current ? undefined : 'Enter your current password.', newPassword: checkNewPassword(next, email) };
    setErrors(local);
    if (hasErrors(local)) return;
    const result = await change({ input: { currentPassword: current, newPassword: next } });
    const payload = result.data?.changePassword;
    if (!payload) setErrors({ form: 'The shop cannot be reached. Your password was not changed: try again.' });
    else if (payload.errors.length) setErrors(userErrorsByField(payload.errors));
    else {
      setCurrent('');
      setNext('');
      setChanged(true);
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="password-heading">
      <h2 id="password-heading">Password</h2>
      {errors.form && <p className="field-error" role="alert">{errors.form}</p>}
      <Field label="Current password" type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} error={errors.currentPassword} />
      <Field label="New password" type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} error={errors.newPassword} />
      <button type="submit" disabled={fetching}>Change password</button>
      {changed && <p className="notice" role="status">Your password is changed.</p>}
    </form>
  );
}

function AddressBook({ me }: { me: Me }) {
  const [removal, remove] = useMutation(RemoveAddressMutation);
  const problem = removal.error ? 'The shop cannot be reached. Try again.' : removal.data?.removeAddress.errors[0]?.message;
  if (me.addresses.length === 0) return <p>No saved addresses yet. Add one below, or save time at your next checkout.</p>;
  return (
    <>
      {problem && <p className="field-error" role="alert">{problem}</p>}
      <ul className="addresses">
        {me.addresses.map((a) => (
          <li key={a.id}>
            <span>
              {formatAddress(a)}
              {me.defaultAddress?.id === a.id && <strong> (default)</strong>}
            </span>
            <button type="button" disabled={removal.fetching} onClick={() => void remove({ input: { addressId: a.id } })}>
              Remove<span className="visually-hidden"> {formatAddress(a)}</span>
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}

function NewAddressForm() {
  const [address, setAddress] = useState<AddressValues>(emptyAddress);
  const [makeDefault, setMakeDefault] = useState(false);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [added, setAdded] = useState(false);
  const [{ fetching }, add] = useMutation(AddAddressMutation);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setAdded(false);
    const local = checkAddress(address);
    setErrors(local);
    if (hasErrors(local)) return;
    const result = await add({ input: { address: { ...address, country: address.country.trim().toUpperCase() }, makeDefault } });
    const payload = result.data?.addAddress;
    if (!payload) setErrors({ form: 'The shop cannot be reached. The address was not saved: try again.' });
    else if (payload.errors.length) {
      const byField = userErrorsByField(payload.errors);
      setErrors({ ...byField, form: byField.form ?? byField.address });
    } else {
      setAddress(emptyAddress);
      setMakeDefault(false);
      setAdded(true);
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="new-address-heading">
      <h3 id="new-address-heading">Add an address</h3>
      {errors.form && <p className="field-error" role="alert">{errors.form}</p>}
      <AddressFields legend="New address" value={address} errors={errors} onChange={setAddress} />
      <label className="check">
        <input type="checkbox" checked={makeDefault} onChange={(e) => setMakeDefault(e.target.checked)} /> Make this my default address
      </label>
      <button type="submit" className="primary" disabled={fetching}>Add address</button>
      {added && <p className="notice" role="status">The address is saved.</p>}
    </form>
  );
}
