import { ReactNode, useEffect, useRef } from 'react';
import { useT } from '../i18n/language';

/**
 * A screen's heading and document title. The heading takes the focus when the
 * screen appears, so that keyboard and screen reader users start from it
 * after each client-side navigation.
 */
export function Screen({ title, children }: { title: string; children: ReactNode }) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    heading.current?.focus();
  }, []);

  useEffect(() => {
    document.title = title === t.common.product ? title : `${title} · ${t.common.product}`;
  }, [title, t]);

  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {children}
    </>
  );
}

/** After a screen swaps its content (a form replaced by its outcome), the focus goes back to its heading. */
export function focusHeading(): void {
  document.querySelector<HTMLElement>('main h1')?.focus();
}
