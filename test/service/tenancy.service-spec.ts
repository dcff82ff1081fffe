import { addMemberCases } from './add-member.cases';
import { adminDisableCases } from './admin-disable.cases';
import { googleAnswerCases } from './google-answer.cases';
import { portalsAndMemberCases } from './portals-and-member.cases';
import { TenancyService } from './tenancy-service';

/**
 * Tenancy's rules in one file, on one module and database: MikroORM's
 * metadata does not survive a second test file in the same Jest worker.
 */
let tenancy: TenancyService | undefined;
beforeAll(async () => {
  tenancy = await TenancyService.start();
});
afterAll(() => tenancy?.stop());

const started = () => tenancy!;
adminDisableCases(started);
addMemberCases(started);
portalsAndMemberCases(started);
googleAnswerCases(started);
