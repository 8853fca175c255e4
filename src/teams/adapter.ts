/**
 * The Bot Framework adapter. With MicrosoftAppId/Password set, every request must carry a valid Bot Framework
 * token (botbuilder validates it); without them the bot runs in anonymous development mode.
 */
import type { Activity, InvokeResponse, TurnContext } from 'botbuilder';
import type { BotFrameworkAuthentication, ServiceClientCredentialsFactory } from 'botframework-connector';
import { TeamsAdapter } from '@microsoft/teams-ai';
import { isAuthEnabled, type Config } from '../config';
import { installQuietLibraryConsole } from './quietLibraryConsole';
import { ReusedClientsAuthentication } from './reusedClients';

/** Proactive calls need a non-empty bot id even in anonymous mode ('' breaks new threads, undefined throws). */
export const DEV_BOT_APP_ID = '00000000-0000-0000-0000-000000000000';

/**
 * Exposes the token-checking entry point without CloudAdapter.process's HTTP handling (which would echo
 * internal error text to the caller); src/http/server.ts maps the outcome to bare status codes. botbuilder's
 * own printing during the token check is dropped (see quietLibraryConsole.ts); the turn logic is not affected.
 */
export class WijkbotAdapter extends TeamsAdapter {
  constructor(...args: ConstructorParameters<typeof TeamsAdapter>) {
    super(...args);
    // TeamsAdapter makes its authentication itself and CloudAdapterBase keeps it read-only: wrapped here,
    // before the first turn, so every turn's clients come through it (see reusedClients.ts)
    (this as unknown as { botFrameworkAuthentication: BotFrameworkAuthentication }).botFrameworkAuthentication = new ReusedClientsAuthentication(this.botFrameworkAuthentication);
  }

  processAuthenticated(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
  }
}

export function createAdapter(config: Config, credentialsFactory?: ServiceClientCredentialsFactory): { adapter: WijkbotAdapter; botAppId: string } {
  const options = isAuthEnabled(config)
    ? {
        MicrosoftAppId: config.auth.appId,
        MicrosoftAppPassword: config.auth.appPassword,
        MicrosoftAppType: config.auth.appType ?? 'SingleTenant',
        MicrosoftAppTenantId: config.auth.tenantId,
        ...config.auth.endpointOverrides,
      }
    : {};
  installQuietLibraryConsole();
  const adapter = new WijkbotAdapter(options, credentialsFactory);
  return { adapter, botAppId: config.auth.appId ?? DEV_BOT_APP_ID };
}
