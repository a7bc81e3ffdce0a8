import { collections } from './collections.ts';
import type { Config } from './config.ts';
import type { RetentionDeps } from './privacy/retention/apply-retention.ts';
import type { Clock } from './shared/clock.ts';
import type { AppStore } from './store/app-collections.ts';
import { fileRewriter } from './store/file-rewriter.ts';
import { studioPaths } from './studio/studio-paths.ts';

/** What applying the retention periods (and erasing) needs, for the server, the daily job and the CLI. */
export function retentionDeps(store: AppStore, config: Config, clock: Clock): RetentionDeps {
  return {
    store,
    config,
    clock,
    collections: Object.keys(collections),
    rewriteStoreFiles: fileRewriter(store),
    draftsDir: studioPaths(config).draftsDir,
  };
}
