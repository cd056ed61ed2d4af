import { useState, type FormEvent } from 'react';
import { Field } from '../forms/Field';
import { checkEmail, checkNewPassword, hasErrors, userErrorsByField } from '../forms/validation';
import { useSession, type AuthErrors } from '../session/Session';
import { Link, navigate } from '../router';

/** Sign in and register share one form: both take an email and password, and merge the guest cart on success. */
export function SignInPage({ mode }: { mode: 'signIn' | 'register' }) {
  const session = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [busy, setBusy] = useState(false);
  const registering = mode === 'register';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const local = {
      email: checkEmail(email),
      password: registering ? checkNewPassword(password, email) : password ? undefined : 'Enter your password.',
      displayName: registering && !name.trim() ? 'Enter your name.' : undefined,
    };
    setErrors(local);
    if (hasErrors(local)) return;
    setBusy(true);
    let failed: AuthErrors;
    try {
      failed = registering
        ? await session.register(email.trim(), password, name.trim())
        : await session.signIn(email.trim(), password);
    } catch {
      setErrors({ form: 'The shop cannot be reached. Try again.' });
      return;
    } finally {
      setBusy(false);
    }
    if (failed.length === 0) {
      navigate('/');
      return;
    }
    const byField = userErrorsByField(failed);
    setErrors({ ...byField, form: byField.form ?? (byField.email || byField.password ? undefined : failed[0]?.message) });
  };

  return (
    <form className="auth" onSubmit={submit} noValidate>
      <h1>{registering ? 'Create an account' : 'Sign in'}</h1>
      {errors.form && <p className="field-error" role="alert">{errors.form}</p>}
      {registering && <Field label="Full name" autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} error={errors.displayName} />}
      <Field label="Email" type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} error={errors.email} />
      <Field
        label="Password"
        type="password"
        autoComplete={registering ? 'new-password' : 'current-password'}
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={errors.password}
      />
      <button type="submit" className="primary" disabled={busy}>
        {registering ? 'Register' : 'Sign in'}
      </button>
      <p>
        {registering ? (
          <>Already have an account? <Link href="/signin">Sign in instead</Link></>
        ) : (
          <>New here? <Link href="/register">Create an account</Link></>
        )}
      </p>
    </form>
  );
}
