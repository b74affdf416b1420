/**
 * What the page keeps outside React's component state, emptied when the records lock (the
 * workspace itself is unmounted, which drops every component's state): the cached backend answers
 * (renderer/src/data), the pictures' caches, the
 * restore notice waiting in sessionStorage, and the history entry's state. The preview's access
 * token stays in sessionStorage: it names no patient and the page cannot reach the records without
 * it after unlocking.
 */
import { forgetCachedRecords } from '../data';
import { forgetPictures } from '../exercises/pictures';
import { RESTORED_NOTICE_KEY } from '../records/RestorePanel';

export function forgetScreenMemory(): void {
  forgetCachedRecords();
  forgetPictures();
  sessionStorage.removeItem(RESTORED_NOTICE_KEY);
  localStorage.clear();
  if (history.state !== null) history.replaceState(null, '', window.location.href);
}
