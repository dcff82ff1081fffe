import { ReactNode } from 'react';

/** Inserted when a step fails: an alert is announced as it appears. */
export function ErrorMessage({ children }: { children: ReactNode }) {
  if (!children) return null;
  return (
    <p className="message message-error" role="alert">
      {children}
    </p>
  );
}

/** A success, announced politely: the live region stays in the page, empty until there is news. */
export function Notice({ children }: { children: ReactNode }) {
  return (
    <p className="message message-success" role="status">
      {children || null}
    </p>
  );
}
