import { UserManager } from 'oidc-client-ts'

// Runs in the hidden iframe of a silent renewal: hands the provider's answer to the UserManager of
// the app in the parent window, which checks and stores it. The settings here are never consulted.
void new UserManager({
  authority: window.location.origin,
  client_id: 'silent-renew',
  redirect_uri: window.location.href,
}).signinSilentCallback()
