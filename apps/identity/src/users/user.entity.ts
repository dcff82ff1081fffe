import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { DEFAULT_LANGUAGE, Language, UserView } from '@app/contracts';
import { randomUUID } from 'node:crypto';

@Entity({ tableName: 'users' })
export class User {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Normalised by the `Email` contract schema before it gets here. */
  @Property({ type: 'text', unique: true })
  email: string;

  @Property({ type: 'text' })
  name: string;

  @Property({ type: 'text', nullable: true })
  passwordHash: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  activatedAt: Date | null = null;

  @Property({ type: 'integer' })
  credentialVersion: number = 1;

  @Property({ type: 'text', nullable: true, unique: true })
  googleSub: string | null = null;

  /** Null for the links made before it was kept, which "this wasn't me" leaves. */
  @Property({ type: 'timestamptz', nullable: true })
  googleLinkedAt: Date | null = null;

  /** The Google account whose link the user reported as not theirs: its verified email links it no more. */
  @Property({ type: 'text', nullable: true })
  googleSubRefused: string | null = null;

  @Property({ type: 'text' })
  language: Language;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  constructor(email: string, name: string, language: Language = DEFAULT_LANGUAGE) {
    this.email = email;
    this.name = name;
    this.language = language;
  }

  /** `language` is the one the user activated in, when the caller knows it. */
  activate(passwordHash: string, language?: Language): void {
    this.passwordHash = passwordHash;
    this.activatedAt = new Date();
    if (language) this.language = language;
  }

  /** A new credential version: sessions and devices signed in under the old password must sign in again. */
  replacePassword(passwordHash: string): void {
    this.passwordHash = passwordHash;
    this.revokeCredentials();
  }

  /** Every session and mobile device signed in until now must sign in again (identity announces it). */
  revokeCredentials(): void {
    this.credentialVersion += 1;
  }

  /** "This wasn't me": the password is no longer one, until the user chooses another from a reset link. */
  withdrawPassword(): void {
    this.passwordHash = null;
    this.revokeCredentials();
  }

  /** Google vouched for the email, which is all that activation asks of an invited user. */
  linkGoogle(sub: string): void {
    this.googleSub = sub;
    this.googleLinkedAt = new Date();
    this.activatedAt ??= new Date();
  }

  /** "This wasn't me" of a change since the link was made: the Google account is dropped, and never linked by its email again. */
  unlinkGoogleLinkedSince(since: Date): void {
    if (!this.googleSub || !this.googleLinkedAt || this.googleLinkedAt < since) return;
    this.googleSubRefused = this.googleSub;
    this.googleSub = null;
    this.googleLinkedAt = null;
  }
}

export function toUserView(user: User): UserView {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    active: user.activatedAt !== null,
    google: user.googleSub !== null,
    credentialVersion: user.credentialVersion,
    language: user.language,
  };
}
