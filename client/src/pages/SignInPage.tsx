/** /signin — the sign-in form. After signing in, the article list. */
import { useEffect, useState, type FormEvent } from 'react';
import { navigate } from '../app/router.js';
import { useSession } from '../session/index.js';

export function SignInPage() {
  const signIn = useSession((s) => s.signIn);
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    document.title = 'Sign in — Factdesk';
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(login.trim(), password);
      navigate('/', { replace: true });
    } catch (e) {
      setError((e as Error).message || 'Signing in failed.');
      setBusy(false);
    }
  };

  return (
    <main id="main" tabIndex={-1} className="page signin">
      <h1>Sign in to Factdesk</h1>
      <form onSubmit={submit} className="signin-form" aria-describedby={error ? 'signin-error' : undefined}>
        <label htmlFor="login">Login</label>
        <input id="login" name="username" autoComplete="username" required value={login} onChange={(e) => setLogin(e.target.value)} autoFocus />
        <label htmlFor="password">Password</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        {error && (
          <p className="form-error" id="signin-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button-primary" disabled={busy}>
          Sign in
        </button>
      </form>
    </main>
  );
}
