import { InputHTMLAttributes, TextareaHTMLAttributes, useId } from 'react';

interface Labelled {
  label: string;
  hint?: string;
}

function describedBy(id: string, hint?: string): string | undefined {
  return hint ? `${id}-hint` : undefined;
}

/** A labelled input; its hint is read out with it. */
export function Field({ label, hint, id, ...input }: Labelled & InputHTMLAttributes<HTMLInputElement>) {
  const generated = useId();
  const inputId = id ?? generated;
  return (
    <div className="field">
      <label htmlFor={inputId}>{label}</label>
      {hint && (
        <p className="hint" id={describedBy(inputId, hint)}>
          {hint}
        </p>
      )}
      <input id={inputId} aria-describedby={describedBy(inputId, hint)} {...input} />
    </div>
  );
}

export function TextAreaField({ label, hint, id, ...textarea }: Labelled & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const generated = useId();
  const inputId = id ?? generated;
  return (
    <div className="field">
      <label htmlFor={inputId}>{label}</label>
      {hint && (
        <p className="hint" id={describedBy(inputId, hint)}>
          {hint}
        </p>
      )}
      <textarea id={inputId} aria-describedby={describedBy(inputId, hint)} rows={3} {...textarea} />
    </div>
  );
}
