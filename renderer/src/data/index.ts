/** The renderer's data layer: one cache, keyed by record, for every backend read and write. */
export { BackendError, forgetCachedRecords, queryClient } from './client';
export {
  combine,
  fetchRead,
  invalidateRecords,
  readOptions,
  useAction,
  useRead,
  useSettled,
  useWrite,
  type ReadState,
} from './hooks';
export { records, type RecordKey } from './keys';
export { Loaded } from './Loaded';
