import express from 'express';
import type { Request, Response, Router } from 'express';
import type { EmulatorCore, PendingAuthorization, TokenError, TokenResponse } from '../core.js';
import { isKnownScope } from '../core.js';
import { applyFaults, header, parseCookies, rawQueryParam, stringParam } from '../http.js';
import { newId, opaqueToken } from '../ids.js';
import type { App } from '../types.js';
import { consentPage, errorPage, loginPage } from './pages.js';

const SESSION_COOKIE = 'xero_emulator_session';
const PENDING_TTL_MS = 60 * 60_000;

export const IDENTITY_PATHS = {
  discovery: '/.well-known/openid-configuration',
  jwks: '/.well-known/openid-configuration/jwks',
  authorize: '/identity/connect/authorize',
  login: '/identity/login',
  consent: '/identity/connect/consent',
  token: '/connect/token',
  revocation: '/connect/revocation',
  userinfo: '/connect/userinfo',
} as const;

function isTokenError(value: TokenResponse | TokenError | App): value is TokenError {
  return 'error' in value;
}

function sendTokenError(res: Response, error: TokenError): void {
  res.status(error.status).setHeader('Cache-Control', 'no-store');
  res.json(error.description ? { error: error.error, error_description: error.description } : { error: error.error });
}

/** Reads client credentials from HTTP Basic (client_secret_basic) or the form body (client_secret_post). */
function clientCredentials(req: Request): { clientId?: string; clientSecret?: string; conflict: boolean } {
  const body = (req.body ?? {}) as Record<string, unknown>;
  const bodyId = stringParam(body.client_id);
  const bodySecret = stringParam(body.client_secret);
  const auth = header(req, 'authorization');
  if (auth?.toLowerCase().startsWith('basic ')) {
    const decoded = Buffer.from(auth.slice(6).trim(), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const clientId = decodeURIComponent((colon < 0 ? decoded : decoded.slice(0, colon)).replace(/\+/g, ' '));
    const clientSecret = colon < 0 ? undefined : decodeURIComponent(decoded.slice(colon + 1).replace(/\+/g, ' '));
    return { clientId, ...(clientSecret === undefined ? {} : { clientSecret }), conflict: bodySecret !== undefined };
  }
  return { ...(bodyId === undefined ? {} : { clientId: bodyId }), ...(bodySecret === undefined ? {} : { clientSecret: bodySecret }), conflict: false };
}

export function identityRouter(core: EmulatorCore): Router {
  const router = express.Router();
  const form = express.urlencoded({ extended: false, limit: '100kb' });

  router.get(IDENTITY_PATHS.discovery, async (req, res) => {
    if (await applyFaults(core, 'discovery', req, res)) return;
    const base = core.issuer;
    res.json({
      issuer: base,
      jwks_uri: `${base}${IDENTITY_PATHS.jwks}`,
      authorization_endpoint: `${base}${IDENTITY_PATHS.authorize}`,
      token_endpoint: `${base}${IDENTITY_PATHS.token}`,
      userinfo_endpoint: `${base}${IDENTITY_PATHS.userinfo}`,
      revocation_endpoint: `${base}${IDENTITY_PATHS.revocation}`,
      frontchannel_logout_supported: true,
      frontchannel_logout_session_supported: true,
      backchannel_logout_supported: true,
      backchannel_logout_session_supported: true,
      scopes_supported: [
        'openid',
        'profile',
        'email',
        'offline_access',
        'accounting.contacts',
        'accounting.contacts.read',
        'accounting.settings',
        'accounting.settings.read',
      ],
      claims_supported: [
        'sub',
        'xero_userid',
        'email',
        'given_name',
        'family_name',
        'preferred_username',
        'global_session_id',
        'auth_time',
        'idp',
        'amr',
        'sid',
      ],
      grant_types_supported: ['authorization_code', 'client_credentials', 'refresh_token'],
      response_types_supported: ['code'],
      response_modes_supported: ['query'],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
      id_token_signing_alg_values_supported: ['RS256'],
      subject_types_supported: ['public'],
      code_challenge_methods_supported: ['plain', 'S256'],
      request_parameter_supported: false,
    });
  });

  router.get(IDENTITY_PATHS.jwks, (_req, res) => {
    res.json({ keys: [core.key.jwk()] });
  });

  const sessionUser = (req: Request) => {
    const sid = parseCookies(req)[SESSION_COOKIE];
    const userId = sid === undefined ? undefined : core.sessions.get(sid);
    return userId === undefined ? undefined : core.userById(userId);
  };

  const pendingFrom = (id: string | undefined): PendingAuthorization | undefined => {
    const pending = id === undefined ? undefined : core.pendingAuthorizations.get(id);
    if (!pending || core.clock.now() - pending.createdMs > PENDING_TTL_MS) return undefined;
    return pending;
  };

  const renderConsent = (res: Response, pending: PendingAuthorization, userId: string, error?: string): void => {
    const user = core.userById(userId);
    const app = core.apps.get(pending.clientId);
    if (!user || !app) {
      res.status(400).type('html').send(errorPage('Something went wrong', 'The sign-in request is no longer valid.'));
      return;
    }
    const organisations = [...core.organisations.values()]
      .filter((org) => org.userIds.has(user.userId))
      .map((org) => ({
        tenantId: org.tenantId,
        name: org.name,
        connected: [...core.connections.values()].some((c) => c.clientId === app.clientId && c.userId === user.userId && c.tenantId === org.tenantId),
      }));
    res
      .status(error ? 400 : 200)
      .type('html')
      .send(
        consentPage({
          authRequestId: pending.id,
          appName: app.name,
          userEmail: user.email,
          scopes: pending.scopes,
          organisations,
          needsOrganisation: pending.scopes.some((s) => s.startsWith('accounting.')),
          ...(error === undefined ? {} : { error }),
        }),
      );
  };

  router.get(IDENTITY_PATHS.authorize, async (req, res) => {
    if (await applyFaults(core, 'authorize', req, res)) return;
    const clientId = stringParam(req.query.client_id);
    const redirectUri = stringParam(req.query.redirect_uri);
    const responseType = stringParam(req.query.response_type);
    const scope = stringParam(req.query.scope) ?? '';
    const app = clientId === undefined ? undefined : core.apps.get(clientId);
    // Like Xero: bad parameters show an error page and never redirect.
    if (!app) {
      res.status(400).type('html').send(errorPage('Sorry, something went wrong', 'unauthorized_client: Unknown client or client not enabled.'));
      return;
    }
    if (redirectUri === undefined || !app.redirectUris.includes(redirectUri)) {
      res.status(400).type('html').send(errorPage('Sorry, something went wrong', 'Invalid redirect_uri: it must exactly match one registered for this app.'));
      return;
    }
    if (responseType !== 'code') {
      res.status(400).type('html').send(errorPage('Sorry, something went wrong', 'unsupported_response_type: only response_type=code is supported.'));
      return;
    }
    const scopes = scope.split(' ').filter((s) => s !== '');
    const unknown = scopes.filter((s) => !isKnownScope(s));
    if (scopes.length === 0 || unknown.length > 0) {
      res
        .status(400)
        .type('html')
        .send(errorPage('Sorry, something went wrong', `invalid_scope: ${unknown.join(' ') || 'no scope requested'}`));
      return;
    }
    const challenge = stringParam(req.query.code_challenge);
    const methodParam = stringParam(req.query.code_challenge_method) ?? 'plain';
    const challengeMethod: 'S256' | 'plain' = methodParam === 'S256' ? 'S256' : 'plain';
    if (challenge !== undefined && (!/^[A-Za-z0-9._~-]{43,128}$/.test(challenge) || (methodParam !== 'S256' && methodParam !== 'plain'))) {
      res.status(400).type('html').send(errorPage('Sorry, something went wrong', 'invalid_request: bad code_challenge or code_challenge_method.'));
      return;
    }
    if (challenge === undefined && app.clientSecret === '') {
      res.status(400).type('html').send(errorPage('Sorry, something went wrong', 'invalid_request: code_challenge is required for this app.'));
      return;
    }
    const nonce = stringParam(req.query.nonce);
    const pending: PendingAuthorization = {
      id: newId(),
      clientId: app.clientId,
      redirectUri,
      scopes,
      rawState: rawQueryParam(req.originalUrl, 'state'),
      createdMs: core.clock.now(),
      ...(nonce === undefined ? {} : { nonce }),
      ...(challenge === undefined ? {} : { codeChallenge: { challenge, method: challengeMethod } }),
    };
    core.pendingAuthorizations.set(pending.id, pending);
    const user = sessionUser(req);
    if (!user) {
      res.type('html').send(loginPage(pending.id));
      return;
    }
    renderConsent(res, pending, user.userId);
  });

  router.post(IDENTITY_PATHS.login, form, (req, res) => {
    const body = req.body as Record<string, unknown>;
    const pending = pendingFrom(stringParam(body.authRequest));
    if (!pending) {
      res.status(400).type('html').send(errorPage('Sorry, something went wrong', 'The sign-in request has expired. Start again from the app.'));
      return;
    }
    const email = stringParam(body.email) ?? '';
    const user = core.authenticateUser(email, stringParam(body.password) ?? '');
    if (!user) {
      res
        .status(401)
        .type('html')
        .send(loginPage(pending.id, 'Your email or password is incorrect', email));
      return;
    }
    const sid = opaqueToken(24);
    core.sessions.set(sid, user.userId);
    res.setHeader('Set-Cookie', `${SESSION_COOKIE}=${sid}; Path=/; HttpOnly; SameSite=Lax`);
    res.redirect(303, `${IDENTITY_PATHS.consent}?authRequest=${encodeURIComponent(pending.id)}`);
  });

  router.get(IDENTITY_PATHS.consent, (req, res) => {
    const pending = pendingFrom(stringParam(req.query.authRequest));
    const user = sessionUser(req);
    if (!pending) {
      res.status(400).type('html').send(errorPage('Sorry, something went wrong', 'The sign-in request has expired. Start again from the app.'));
      return;
    }
    if (!user) {
      res.type('html').send(loginPage(pending.id));
      return;
    }
    renderConsent(res, pending, user.userId);
  });

  router.post(IDENTITY_PATHS.consent, form, (req, res) => {
    const body = req.body as Record<string, unknown>;
    const pending = pendingFrom(stringParam(body.authRequest));
    const user = sessionUser(req);
    if (!pending) {
      res.status(400).type('html').send(errorPage('Sorry, something went wrong', 'The sign-in request has expired. Start again from the app.'));
      return;
    }
    if (!user) {
      res.status(401).type('html').send(loginPage(pending.id, 'Please log in again'));
      return;
    }
    const separator = pending.redirectUri.includes('?') ? '&' : '?';
    const statePart = pending.rawState === undefined ? '' : `&state=${pending.rawState}`;
    if (stringParam(body.action) !== 'allow') {
      core.pendingAuthorizations.delete(pending.id);
      res.redirect(302, `${pending.redirectUri}${separator}error=access_denied${statePart}`);
      return;
    }
    const raw = body.tenantId;
    const chosen = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter((v): v is string => typeof v === 'string').map((v) => v.toLowerCase());
    const allowed = chosen.filter((tenantId) => core.organisations.get(tenantId)?.userIds.has(user.userId) === true);
    const needsOrganisation = pending.scopes.some((s) => s.startsWith('accounting.'));
    if (needsOrganisation && allowed.length === 0) {
      renderConsent(res, pending, user.userId, 'Select at least one organisation to connect.');
      return;
    }
    core.pendingAuthorizations.delete(pending.id);
    const code = core.approveAuthorization(pending, user, needsOrganisation ? allowed : []);
    const scopePart = `&scope=${encodeURIComponent(pending.scopes.join(' '))}`;
    const sessionState = `${opaqueToken(24)}.${opaqueToken(12)}`;
    res.redirect(
      302,
      `${pending.redirectUri}${separator}code=${encodeURIComponent(code.code)}${scopePart}${statePart}&session_state=${encodeURIComponent(sessionState)}`,
    );
  });

  router.post(IDENTITY_PATHS.token, form, async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const grantType = stringParam(body.grant_type);
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Pragma', 'no-cache');
    if (await applyFaults(core, 'token', req, res)) return;
    const creds = clientCredentials(req);
    if (creds.conflict) {
      sendTokenError(res, { error: 'invalid_request', status: 400 });
      return;
    }
    const app = core.authenticateClient(creds.clientId, creds.clientSecret);
    if (isTokenError(app)) {
      sendTokenError(res, app);
      return;
    }
    const tokenFault = core.faults.take({ area: 'token', method: req.method, path: req.path, ...(grantType === undefined ? {} : { grantType }) }, [
      'invalid-grant',
      'refresh-response-lost',
      'revoke-grant',
    ]);
    if (tokenFault?.kind === 'revoke-grant') {
      const grant = core.grantOfToken(stringParam(body.refresh_token));
      if (grant) core.endGrants(grant.clientId, grant.userId);
    }
    if (tokenFault?.kind === 'invalid-grant') {
      sendTokenError(res, { error: 'invalid_grant', status: 400 });
      return;
    }
    let result: TokenResponse | TokenError;
    if (grantType === 'authorization_code') {
      result = core.exchangeCode(app, stringParam(body.code), stringParam(body.redirect_uri), stringParam(body.code_verifier));
    } else if (grantType === 'refresh_token') {
      result = core.refresh(app, stringParam(body.refresh_token));
    } else if (grantType === 'client_credentials') {
      const scope = stringParam(body.scope) ?? stringParam(body.scopes) ?? '';
      result = core.clientCredentials(
        app,
        scope.split(/[ ,]+/).filter((s) => s !== ''),
      );
    } else {
      result = { error: 'unsupported_grant_type', status: 400 };
    }
    if (tokenFault?.kind === 'refresh-response-lost') {
      // The grant has been applied (e.g. the refresh token rotated) but the client never hears back.
      req.socket.destroy();
      return;
    }
    if (isTokenError(result)) sendTokenError(res, result);
    else res.json(result);
  });

  router.post(IDENTITY_PATHS.revocation, form, async (req, res) => {
    if (await applyFaults(core, 'revocation', req, res)) return;
    const creds = clientCredentials(req);
    const app = core.authenticateClient(creds.clientId, creds.clientSecret);
    if (isTokenError(app)) {
      sendTokenError(res, app);
      return;
    }
    const body = (req.body ?? {}) as Record<string, unknown>;
    core.revokeRefreshToken(app, stringParam(body.token));
    res.status(200).end();
  });

  router.get(IDENTITY_PATHS.userinfo, (req, res) => {
    const auth = header(req, 'authorization');
    const check = core.verifyAccessToken(auth?.startsWith('Bearer ') ? auth.slice(7) : undefined);
    if (!check.ok || check.grant.userId === undefined) {
      res.status(401).setHeader('WWW-Authenticate', 'Bearer error="invalid_token"').end();
      return;
    }
    const user = core.userById(check.grant.userId);
    if (!user) {
      res.status(401).end();
      return;
    }
    res.json({
      sub: user.sub,
      xero_userid: user.userId,
      email: user.email,
      preferred_username: user.email,
      given_name: user.givenName,
      family_name: user.familyName,
    });
  });

  return router;
}
