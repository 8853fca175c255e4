/**
 * A local stand-in for the Bot Framework token service: an OpenID document and a JWKS (RSA key endorsed
 * for 'msteams') on 127.0.0.1, and RS256 tokens signed like the Bot Connector signs them. With botbuilder's
 * endpoint overrides pointed here, the real token validation runs offline.
 */
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import jwt from 'jsonwebtoken';
import { ServiceClientCredentialsFactory } from 'botframework-connector';

export class TokenIssuer {
  private server!: http.Server;
  private readonly privateKey: KeyObject;
  private readonly jwk: Record<string, unknown>;
  readonly kid = 'wijkbot-test-key';
  url = '';
  /** while true, the OpenID document and the keys answer 503 (the token service down) */
  outage = false;

  constructor() {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.privateKey = privateKey;
    this.jwk = { ...publicKey.export({ format: 'jwk' }), kid: this.kid, kty: 'RSA', use: 'sig', endorsements: ['msteams'] };
  }

  get issuer(): string {
    return `${this.url}/issuer`;
  }

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      res.setHeader('Content-Type', 'application/json');
      if (this.outage) {
        res.statusCode = 503;
        return res.end('{}');
      }
      if (req.url === '/openid') return res.end(JSON.stringify({ issuer: this.issuer, jwks_uri: `${this.url}/keys`, id_token_signing_alg_values_supported: ['RS256'] }));
      if (req.url === '/keys') return res.end(JSON.stringify({ keys: [this.jwk] }));
      res.statusCode = 404;
      res.end('{}');
    });
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  /** botbuilder settings that point token validation at this issuer (all set together, as botbuilder wants) */
  env(): Record<string, string> {
    return {
      ToBotFromChannelOpenIdMetadataUrl: `${this.url}/openid`,
      ToBotFromChannelTokenIssuer: this.issuer,
      ToBotFromEmulatorOpenIdMetadataUrl: `${this.url}/openid`,
      ToChannelFromBotLoginUrl: `${this.url}/login`,
      ToChannelFromBotOAuthScope: 'https://api.botframework.com',
      OAuthUrl: `${this.url}/oauth`,
      CallerId: 'urn:botframework:azure',
      ValidateAuthority: 'false',
    };
  }

  sign(claims: Record<string, unknown>, opts: { expiresInSec?: number; issuer?: string; kid?: string } = {}): string {
    return jwt.sign(claims, this.privateKey, {
      algorithm: 'RS256',
      keyid: opts.kid ?? this.kid,
      issuer: opts.issuer ?? this.issuer,
      expiresIn: opts.expiresInSec ?? 600,
    });
  }
}

/** Outbound calls get a fixed fake token instead of a real login. */
export class FakeOutboundCredentials extends ServiceClientCredentialsFactory {
  /** how many credential objects the bot asked for (one per client it built) */
  created = 0;
  /** the next this-many requests for credentials fail (the identity platform unreachable) */
  failures = 0;

  constructor(private readonly appId: string) {
    super();
  }
  async isValidAppId(appId: string): Promise<boolean> {
    return appId === this.appId;
  }
  async isAuthenticationDisabled(): Promise<boolean> {
    return false;
  }
  async createCredentials(): Promise<any> {
    this.created++;
    if (this.failures > 0) {
      this.failures--;
      throw new Error('credentials unavailable');
    }
    return {
      signRequest: async (request: { headers: { set(k: string, v: string): void } }) => {
        request.headers.set('authorization', 'Bearer fake-outbound-token');
        return request;
      },
    };
  }
}
