// The journal-backed store passes the store contract, also while it compacts after every few writes.
import { storeContract } from './contract.ts';
import { makeTempDir, openTestStore } from './fixtures/collections.ts';

function openJournal(compactAfterBytes?: number) {
  return async () => {
    const { dir, cleanup } = await makeTempDir('contract-');
    const store = await openTestStore(dir, compactAfterBytes ? { compactAfterBytes } : {});
    return {
      store,
      close: async () => {
        await store.close();
        await cleanup();
      },
    };
  };
}

storeContract('the journal store', openJournal());
storeContract('the journal store compacting every 512 bytes', openJournal(512));
