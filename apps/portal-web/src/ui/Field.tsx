import { FormEvent, InputHTMLAttributes, TextareaHTMLAttributes, useId } from 'react';
import { useT } from '../i18n/language';

interface Labelled {
  label: string;
  hint?: string;
}

function describedBy(id: string, hint?: string): string | undefined {
  return hint ? `${id}-hint` : undefined;
}

/** A labelled input; its hint is read out with it. */
export function Field({ label, hint, id, ...input }: Labelled & InputHTMLAttributes<HTMLInputElement>) {
  const t = useT();
  const generated = useId();
  // The browser's own bubble speaks the browser's language: the portal's sentence replaces it.
  const explain = (event: FormEvent<HTMLInputElement>) => {
    const { validity } = event.currentTarget;
    event.currentTarget.setCustomValidity(validity.valueMissing ? t.common.required : validity.typeMismatch ? t.common.invalidEmail : '');
  };
  const clear = (event: FormEvent<HTMLInputElement>) => event.currentTarget.setCustomValidity('');
  const inputId = id ?? generated;
  return (
    <div className="field">
      <label htmlFor={inputId}>{label}</label>
      {hint && (
        <p className="hint" id={describedBy(inputId, hint)}>
          {hint}
        </p>
      )}
      <input id={inputId} aria-describedby={describedBy(inputId, hint)} onInvalid={explain} onInput={clear} {...input} />
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
