import type { Clock } from '../../shared/clock.ts';
import type { AppStore } from '../../store/app-collections.ts';
import type { FaceCache } from '../../structures/face/face-cache.ts';
import type { FaceDefaults } from '../../structures/face/resolve-face.ts';

/** What the structures' face pages are built with. */
export interface FaceDeps {
  store: AppStore;
  clock: Clock;
  /** The faces pages show: forgotten after each change here, so the next page shows it. */
  faces: FaceCache;
  /** The root's face when it sets nothing (ORG_NAME, ORG_CITY). */
  defaults: FaceDefaults;
  /** Where an upload waits while it is read (the studio's scratch folder). */
  tmpDir: string;
}
