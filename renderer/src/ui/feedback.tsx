/** Loading, empty and error states, designed once and used everywhere. */
import type { ReactNode } from 'react';
import type { AppErrorShape } from '../../../shared/ipc/result';

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="loading__spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="empty-state">
      <h2 className="empty-state__title">{title}</h2>
      {children ? <div className="empty-state__text">{children}</div> : null}
      {action ? <div className="empty-state__action">{action}</div> : null}
    </div>
  );
}

export function ErrorNotice({ error, action }: { error: AppErrorShape | string; action?: ReactNode }) {
  const message = typeof error === 'string' ? error : error.message;
  return (
    <div className="notice notice--error" role="alert">
      <span className="notice__icon" aria-hidden="true">
        !
      </span>
      <div className="notice__body">
        <p className="notice__text">{message}</p>
        {action ? <div className="notice__action">{action}</div> : null}
      </div>
    </div>
  );
}

export function InfoNotice({ children }: { children: ReactNode }) {
  return (
    <div className="notice notice--info" role="status">
      <span className="notice__icon" aria-hidden="true">
        i
      </span>
      <div className="notice__body">{children}</div>
    </div>
  );
}

export function SuccessNotice({ children }: { children: ReactNode }) {
  return (
    <div className="notice notice--success" role="status">
      <span className="notice__icon" aria-hidden="true">
        ✓
      </span>
      <div className="notice__body">{children}</div>
    </div>
  );
}
