/**
 * The Bot Framework clients of a turn, made once and reused instead of made again for every activity.
 *
 * botbuilder's CloudAdapter builds, for every incoming activity, a new ConnectorClient (to send the reply)
 * and a new UserTokenClient (for sign-in, which Wijkbot does not use), each with its credentials object and
 * its own HTTP pipeline of a dozen policies. Neither holds anything of the turn: a client is fixed by the
 * bot's app id, the service URL it posts to and the token audience, and its credentials fetch and cache the
 * token themselves (the older BotFrameworkAdapter shared one credentials object between all turns too).
 * Building both cost about a sixth of a bare echo turn: 1.30 → 1.08 ms median with them kept
 * (`npm run bench -- foundation`, which measures the echo bot on both adapters side by side).
 *
 * What decides which client a turn gets is unchanged: the inbound token is validated by the wrapped
 * authentication on every request, and its claims (the app id) are part of the key a client is kept under.
 */
import { AuthenticationConstants, BotFrameworkAuthentication, ConnectorFactory, type AuthenticateRequestResult, type ClaimsIdentity, type ConnectorClient, type UserTokenClient } from 'botframework-connector';
import type { Activity } from 'botbuilder';

/** Service URLs × audiences × app ids seen by one bot are a handful; the bound only guards against abuse. */
const KEPT_CLIENTS = 64;

class KeptPromises<T> {
  private readonly entries = new Map<string, Promise<T>>();

  get(key: string, make: () => Promise<T>): Promise<T> {
    let kept = this.entries.get(key);
    if (!kept) {
      kept = make();
      this.entries.set(key, kept);
      if (this.entries.size > KEPT_CLIENTS) this.entries.delete(this.entries.keys().next().value!);
      // a failure (credentials not available yet) is not kept: the next turn tries again
      kept.catch(() => {
        if (this.entries.get(key) === kept) this.entries.delete(key);
      });
    }
    return kept;
  }
}

/**
 * The app id the wrapped authentication builds a turn's clients for: the token's audience (the bot itself,
 * for a channel's request), else its appid claim; '' for the anonymous identity of development mode.
 */
function appIdOf(claimsIdentity: ClaimsIdentity | undefined): string {
  return claimsIdentity?.getClaimValue(AuthenticationConstants.AudienceClaim) ?? claimsIdentity?.getClaimValue(AuthenticationConstants.AppIdClaim) ?? '';
}

/** Hands out the connector clients of the factory it wraps, one per service URL and audience. */
class ReusingConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly inner: ConnectorFactory,
    private readonly appId: string,
    private readonly kept: KeptPromises<ConnectorClient>,
  ) {
    super();
  }

  create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    return this.kept.get(`${this.appId}\n${serviceUrl}\n${audience ?? ''}`, () => this.inner.create(serviceUrl, audience));
  }
}

export class ReusedClientsAuthentication extends BotFrameworkAuthentication {
  private readonly connectors = new KeptPromises<ConnectorClient>();
  private readonly userTokens = new KeptPromises<UserTokenClient>();

  constructor(private readonly inner: BotFrameworkAuthentication) {
    super();
  }

  async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.reusing(await this.inner.authenticateRequest(activity, authHeader));
  }

  override async authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
    return this.reusing(await this.inner.authenticateStreamingRequest(authHeader, channelIdHeader));
  }

  createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return new ReusingConnectorFactory(this.inner.createConnectorFactory(claimsIdentity), appIdOf(claimsIdentity), this.connectors);
  }

  createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.userTokens.get(appIdOf(claimsIdentity), () => this.inner.createUserTokenClient(claimsIdentity));
  }

  override createBotFrameworkClient(): ReturnType<BotFrameworkAuthentication['createBotFrameworkClient']> {
    return this.inner.createBotFrameworkClient();
  }

  override getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }

  override authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return this.inner.authenticateChannelRequest(authHeader);
  }

  private reusing(result: AuthenticateRequestResult): AuthenticateRequestResult {
    if (!result.connectorFactory) return result;
    return { ...result, connectorFactory: new ReusingConnectorFactory(result.connectorFactory, appIdOf(result.claimsIdentity), this.connectors) };
  }
}
