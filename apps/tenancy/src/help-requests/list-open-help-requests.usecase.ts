import { HelpRequestView } from '@app/contracts';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { MemberSummaries } from '../memberships/member-summaries';
import { HelpRequest } from './help-request.entity';

/** Bounded by identity's lookup limit; a company never has this many clients locked out at once. */
const MAX_LISTED = 500;

@Injectable()
export class ListOpenHelpRequests {
  constructor(
    private readonly em: EntityManager,
    private readonly summaries: MemberSummaries,
  ) {}

  /** Newest first, with who asked, in one query and one identity call. */
  async execute(companyId: string): Promise<HelpRequestView[]> {
    const requests = await this.em
      .fork()
      .find(
        HelpRequest,
        { company: companyId, closedAt: null },
        { orderBy: { createdAt: 'desc', id: 'desc' }, limit: MAX_LISTED },
      );
    if (requests.length === 0) return [];
    const summaryOf = await this.summaries.of(requests.map((request) => request.userId));
    return requests.map((request) => ({
      id: request.id,
      user: summaryOf(request.userId),
      message: request.message,
      createdAt: request.createdAt.toISOString(),
    }));
  }
}
