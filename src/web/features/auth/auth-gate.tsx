/** Shows the app to whoever may read it, and the sign-in page to everyone else. */
import { type ReactNode, useState } from 'react';
import { Loading } from '../../components/states';
import { LoginPage } from './login.page';
import { SessionProvider } from './session';

/** Lets the header's "Sign in" button of a visitor open the sign-in page. */
let openSignIn: () => void = () => {};
export function requestSignIn(): void {
  openSignIn();
}

function Gate({ children, signedIn, publicRead }: { children: ReactNode; signedIn: boolean; publicRead: boolean }) {
  const [asking, setAsking] = useState(false);
  openSignIn = () => setAsking(true);
  if (!signedIn && (!publicRead || asking))
    return <LoginPage onCancel={publicRead ? () => setAsking(false) : undefined} />;
  return <>{children}</>;
}

export function AuthGate({ children }: { children: ReactNode }) {
  return (
    <SessionProvider fallback={<Loading />}>
      {(state) => (
        <Gate signedIn={!!state.session} publicRead={state.publicRead}>
          {children}
        </Gate>
      )}
    </SessionProvider>
  );
}
