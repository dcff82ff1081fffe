import { useT } from '../i18n/language';
import { Field } from './Field';

interface NewPassword {
  password: string;
  confirmation: string;
  onPassword(value: string): void;
  onConfirmation(value: string): void;
}

/** A new password typed twice, with the rule said before it is broken. */
export function NewPasswordFields({ password, confirmation, onPassword, onConfirmation }: NewPassword) {
  const t = useT();
  return (
    <>
      <Field
        label={t.common.newPassword}
        hint={t.common.passwordRule}
        type="password"
        autoComplete="new-password"
        required
        maxLength={128}
        value={password}
        onChange={(e) => onPassword(e.target.value)}
      />
      <Field
        label={t.common.confirmPassword}
        type="password"
        autoComplete="new-password"
        required
        maxLength={128}
        value={confirmation}
        onChange={(e) => onConfirmation(e.target.value)}
      />
    </>
  );
}
