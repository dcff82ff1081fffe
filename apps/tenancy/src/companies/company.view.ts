import { CompanyView } from '@app/common';
import { Company } from './company.entity';

/** Needs the company's hosts loaded. */
export function toCompanyView(company: Company): CompanyView {
  return {
    id: company.id,
    name: company.name,
    hosts: company.hosts.getItems().map((companyHost) => companyHost.host),
    requireTotp: company.requireTotp,
  };
}
