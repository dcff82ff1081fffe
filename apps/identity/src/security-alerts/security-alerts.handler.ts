import { AlertMail, CredentialsChange, IdentityPatterns, NotMeLink, ParsedRequestOf } from '@app/contracts';
import { Handles, Request } from '@app/platform';
import { Controller } from '@nestjs/common';
import { BrowserSignedIn } from './browser-signed-in.usecase';
import { NoteBrowser } from './note-browser.usecase';
import { NotMe } from './not-me.usecase';
import { SecurityAlerts } from './security-alerts';

@Controller()
export class SecurityAlertsHandler {
  constructor(
    private readonly alerts: SecurityAlerts,
    private readonly noteBrowser: NoteBrowser,
    private readonly browserSignedIn: BrowserSignedIn,
    private readonly notMe: NotMe,
  ) {}

  @Handles(IdentityPatterns.writeAlert)
  write(@Request(IdentityPatterns.writeAlert) { userId, kind, at }: ParsedRequestOf<typeof IdentityPatterns.writeAlert>): Promise<AlertMail | null> {
    return this.alerts.write(userId, { kind }, at);
  }

  @Handles(IdentityPatterns.noteBrowser)
  note(@Request(IdentityPatterns.noteBrowser) request: ParsedRequestOf<typeof IdentityPatterns.noteBrowser>): Promise<{ known: boolean }> {
    return this.noteBrowser.execute(request);
  }

  @Handles(IdentityPatterns.browserSignedIn)
  signedIn(@Request(IdentityPatterns.browserSignedIn) request: ParsedRequestOf<typeof IdentityPatterns.browserSignedIn>): Promise<{ signedIn: boolean }> {
    return this.browserSignedIn.execute(request);
  }

  @Handles(IdentityPatterns.peekNotMe)
  peek(@Request(IdentityPatterns.peekNotMe) { token }: ParsedRequestOf<typeof IdentityPatterns.peekNotMe>): Promise<NotMeLink> {
    return this.notMe.peek(token);
  }

  @Handles(IdentityPatterns.reportNotMe)
  report(@Request(IdentityPatterns.reportNotMe) { token }: ParsedRequestOf<typeof IdentityPatterns.reportNotMe>): Promise<CredentialsChange> {
    return this.notMe.report(token);
  }
}
