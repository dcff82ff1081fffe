import { Algorithm, hash, verify } from '@node-rs/argon2';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { CURRENT_ARGON2_PARAMETERS, needsRehash } from './hash-parameters';

const options = { algorithm: Algorithm.Argon2id, ...CURRENT_ARGON2_PARAMETERS };

@Injectable()
export class PasswordHasher implements OnModuleInit {
  private dummyHash: string;

  async onModuleInit(): Promise<void> {
    this.dummyHash = await hash(randomBytes(32), options);
  }

  hash(password: string): Promise<string> {
    return hash(password, options);
  }

  verify(storedHash: string, password: string): Promise<boolean> {
    return verify(storedHash, password);
  }

  /**
   * Spends one verification on a hash that matches nothing, so that a sign-in
   * for an unknown or inactive user takes as long as one with a wrong password.
   */
  async verifyAgainstNothing(password: string): Promise<void> {
    await verify(this.dummyHash, password);
  }

  isOutdated(storedHash: string): boolean {
    return needsRehash(storedHash, CURRENT_ARGON2_PARAMETERS);
  }
}
