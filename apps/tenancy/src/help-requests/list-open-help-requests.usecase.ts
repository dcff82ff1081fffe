import { HelpRequestView } from '@app/contracts';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { MemberSummaries, summaryOf } from '../memberships/member-summaries';
import { HELP_REQUEST_DAYS, HelpRequest, standsFor } from './help-request.entity';

/** Bounded by identity's lookup limit; a company never has this many clients locked out at once. */
const MAX_LISTED = 500;

@Injectable()
export class ListOpenHelpRequests {
  constructor(
    private readonly em: EntityManager,
    private readonly summaries: MemberSummaries,
  ) {}

  /** Newest first, with who asked, in one query and one identity call; only those that still stand (standsFor). */
  async execute(companyId: string): Promise<HelpRequestView[]> {
    const since = new Date(Date.now() - HELP_REQUEST_DAYS * 86_400_000);
    const requests = await this.em
      .fork()
      .find(
        HelpRequest,
        { company: companyId, closedAt: null, confirmedAt: { $ne: null }, createdAt: { $gt: since } },
        { orderBy: { createdAt: 'desc', id: 'desc' }, limit: MAX_LISTED },
      );
    if (requests.length === 0) return [];
    const people = await this.summaries.find(companyId, requests.map((request) => request.userId));
    return requests.flatMap((request) => {
      const person = people.get(request.userId);
      if (!person?.user || !standsFor(request, person.user.credentialVersion)) return [];
      return [{ id: request.id, user: summaryOf(request.userId, person), message: request.message, createdAt: request.createdAt.toISOString() }];
    });
  }
}
