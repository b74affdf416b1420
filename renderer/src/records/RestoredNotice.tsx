/** After a restore the page starts afresh; this says, once, what was restored. */
import { useEffect, useState } from 'react';
import { SuccessNotice } from '../ui/feedback';
import { RESTORED_NOTICE_KEY } from './RestorePanel';

export function RestoredNotice() {
  const [message, setMessage] = useState<string | null>(() => sessionStorage.getItem(RESTORED_NOTICE_KEY));
  useEffect(() => sessionStorage.removeItem(RESTORED_NOTICE_KEY), []);
  if (!message) return null;
  return (
    <div className="restored-notice">
      <SuccessNotice>
        <p className="notice__text">{message}</p>
        <button type="button" className="button button--small button--secondary" onClick={() => setMessage(null)}>
          Dismiss
        </button>
      </SuccessNotice>
    </div>
  );
}
