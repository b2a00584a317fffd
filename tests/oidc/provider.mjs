// A real OpenID Connect provider for the tests: panva's certified node-oidc-provider, started by
// tests/oidc/provider.py on a free port. Everything it needs comes in as environment variables
// (JSON), so one script serves every test: OIDC_PORT, OIDC_CLIENTS (client metadata, each with
// its redirect_uris) and OIDC_ACCOUNTS ({sub: claims}). Its development sign-in page takes a
// login (the account's sub) and any password; an unknown login is refused by findAccount.
import Provider from 'oidc-provider';

const port = Number(process.env.OIDC_PORT);
const issuer = `http://127.0.0.1:${port}`;
const clients = JSON.parse(process.env.OIDC_CLIENTS);
const accounts = JSON.parse(process.env.OIDC_ACCOUNTS);

const configuration = {
  clients: clients.map((client) => ({
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_post',
    ...client,
  })),
  // PKCE for every client, confidential ones too (RFC 9700 advises it for all).
  pkce: { required: () => true },
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name', 'given_name', 'family_name', 'preferred_username'],
    // The claims Stuurknop can map to an organisation and a role.
    stuurknop: ['organisation', 'roles'],
  },
  async findAccount(ctx, sub) {
    if (!Object.hasOwn(accounts, sub)) return undefined;
    return { accountId: sub, claims: async () => ({ sub, ...accounts[sub] }) };
  },
  // Test clients are first-party: the consent screen is skipped by granting what they ask.
  async loadExistingGrant(ctx) {
    const { Grant } = ctx.oidc.provider;
    const grant = new Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope(ctx.oidc.params.scope);
    await grant.save();
    return grant;
  },
  cookies: { keys: ['only-for-tests-not-a-secret'] },
  features: { devInteractions: { enabled: true } },
};

const provider = new Provider(issuer, configuration);
provider.on('server_error', (ctx, error) => console.error('server_error', error));
provider.listen(port, '127.0.0.1', () => console.log(`ready ${issuer}`));
