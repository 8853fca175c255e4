import { stopPgCluster } from './pgGlobalSetup';

export default async function pgGlobalTeardown(): Promise<void> {
  stopPgCluster();
}
