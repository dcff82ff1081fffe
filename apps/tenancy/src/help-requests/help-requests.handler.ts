import { HelpRequestView, ParsedRequestOf, ReplyOf, SecondFactorHelpPatterns } from '@app/contracts';
import { Handles, Request } from '@app/platform';
import { Controller } from '@nestjs/common';
import { ConfirmHelpRequest } from './confirm-help-request.usecase';
import { ListOpenHelpRequests } from './list-open-help-requests.usecase';
import { OpenHelpRequest } from './open-help-request.usecase';

@Controller()
export class HelpRequestsHandler {
  constructor(
    private readonly openHelpRequest: OpenHelpRequest,
    private readonly listOpenHelpRequests: ListOpenHelpRequests,
    private readonly confirmHelpRequest: ConfirmHelpRequest,
  ) {}

  @Handles(SecondFactorHelpPatterns.openRequest)
  open(
    @Request(SecondFactorHelpPatterns.openRequest)
    payload: ParsedRequestOf<typeof SecondFactorHelpPatterns.openRequest>,
  ): Promise<ReplyOf<typeof SecondFactorHelpPatterns.openRequest>> {
    return this.openHelpRequest.execute(payload);
  }

  @Handles(SecondFactorHelpPatterns.confirmRequest)
  confirm(
    @Request(SecondFactorHelpPatterns.confirmRequest) { token }: ParsedRequestOf<typeof SecondFactorHelpPatterns.confirmRequest>,
  ): Promise<{ companyName: string }> {
    return this.confirmHelpRequest.execute(token);
  }

  @Handles(SecondFactorHelpPatterns.listOpenRequests)
  listOpen(
    @Request(SecondFactorHelpPatterns.listOpenRequests)
    payload: ParsedRequestOf<typeof SecondFactorHelpPatterns.listOpenRequests>,
  ): Promise<HelpRequestView[]> {
    return this.listOpenHelpRequests.execute(payload.companyId);
  }
}
