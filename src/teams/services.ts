import type { Config } from '../config';
import type { Db } from '../db/client';
import type { PreparedSqlite } from '../db/preparedSqlite';
import type { GroupsService } from '../features/groups/service';
import type { JobQueue } from '../jobs/jobQueue';
import type { Logger } from '../log';
import type { WijkbotMetrics } from '../metrics/metrics';
import type { ConversationStore } from './conversationStore';
import type { Proactive } from './proactive';

/** What every feature module may use; built once in src/index.ts. */
export interface AppServices {
  config: Config;
  db: Db;
  /** the embedded database's fast lane for a storm's hottest statements (answers undefined on PostgreSQL) */
  sqlite: PreparedSqlite;
  log: Logger;
  clock: () => Date;
  groups: GroupsService;
  conversations: ConversationStore;
  proactive: Proactive;
  jobs: JobQueue;
  /** operations metrics (GET /metrics); modules register what is read when scraped */
  metrics: WijkbotMetrics;
  /** base URL for links the bot serves itself (.ics) */
  publicBaseUrl: string;
  /** secret for unguessable links and anonymous ballots */
  appSecret: string;
}
