import { GooglePatterns, GoogleSignedIn, ParsedRequestOf, UserView } from '@app/contracts';
import { Handles, Request } from '@app/platform';
import { Controller } from '@nestjs/common';
import { GoogleSignIn } from './google-sign-in.usecase';

@Controller()
export class GoogleHandler {
  constructor(private readonly googleSignIn: GoogleSignIn) {}

  @Handles(GooglePatterns.signIn)
  signIn(@Request(GooglePatterns.signIn) profile: ParsedRequestOf<typeof GooglePatterns.signIn>): Promise<GoogleSignedIn> {
    return this.googleSignIn.execute(profile);
  }

  @Handles(GooglePatterns.find)
  find(@Request(GooglePatterns.find) profile: ParsedRequestOf<typeof GooglePatterns.find>): Promise<UserView> {
    return this.googleSignIn.find(profile);
  }
}
