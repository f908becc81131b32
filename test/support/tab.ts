// The second tab's page: exposes the session class of its own realm to the test.
import { OfflineSession } from '../../src/sync/index.js';

(window as unknown as { OfflineSession: typeof OfflineSession }).OfflineSession = OfflineSession;
