/**
 * The one way a view shows an answer it waits for: a spinner while loading, the backend's own
 * sentence and a "Try again" button when it fails, an empty state when there is nothing, and the
 * view itself once the answer is in.
 */
import type { ReactNode } from 'react';
import { EmptyState, ErrorNotice, Loading } from '../ui/feedback';
import type { ReadState } from './hooks';

export function Loaded<T>(props: {
  query: ReadState<T>;
  /** What is loading, for the spinner ("Loading the history…"). */
  loading: string;
  /** Shown instead of the view when the answer holds nothing. */
  empty?: { when: (data: T) => boolean; title: string; text?: ReactNode; action?: ReactNode };
  /** Offered beside "Try again" when loading fails (a way back, say). */
  errorAction?: ReactNode;
  /** The view; without it, Loaded only stands in for the view until the answer is in. */
  children?: (data: T) => ReactNode;
}) {
  const { query, empty } = props;
  if (query.error) {
    return (
      <ErrorNotice
        error={query.error.shape}
        action={
          <>
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => void query.refetch()}
              disabled={query.isFetching}
            >
              Try again
            </button>
            {props.errorAction ?? null}
          </>
        }
      />
    );
  }
  if (query.data === undefined) return <Loading label={props.loading} />;
  if (empty?.when(query.data)) {
    return (
      <EmptyState title={empty.title} action={empty.action}>
        {empty.text}
      </EmptyState>
    );
  }
  return <>{props.children?.(query.data) ?? null}</>;
}
