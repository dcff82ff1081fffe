import { GooglePatterns, Handles, ParsedRequestOf, Request, UserView } from '@app/common';
import { Controller } from '@nestjs/common';
import { GoogleSignIn } from './google-sign-in.usecase';

@Controller()
export class GoogleHandler {
  constructor(private readonly googleSignIn: GoogleSignIn) {}

  @Handles(GooglePatterns.signIn)
  signIn(@Request(GooglePatterns.signIn) profile: ParsedRequestOf<typeof GooglePatterns.signIn>): Promise<UserView> {
    return this.googleSignIn.execute(profile);
  }
}
