import { swapDir } from '../shared/fs/swap-dir.ts';

/**
 * Swaps the complete folder `staged` into `final`, then runs `record` (the store write that makes the
 * change official). If recording fails, the previous folder is put back: disk and store never disagree.
 */
export async function swapThenRecord<T>(staged: string, final: string, record: () => Promise<T>): Promise<T> {
  const swap = await swapDir(staged, final);
  let result: T;
  try {
    result = await record();
  } catch (error) {
    await swap.rollback();
    throw error;
  }
  await swap.commit();
  return result;
}
