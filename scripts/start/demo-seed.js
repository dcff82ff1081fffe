'use strict';

const DEMO_PASSWORD = 'Portail-Demo-2026!';

/**
 * Creates the demo companies, accounts and members through the operator API,
 * and activates the members with the demo password. Runs on first start only:
 * the first company already existing (409) means it was done before.
 * @returns {Promise<boolean>} whether anything was created
 */
async function seedDemo(call, { easyAccessHost, operatorToken }) {
  const operatorCall = (urlPath, body) =>
    call('POST', easyAccessHost, urlPath, body, { authorization: `Bearer ${operatorToken}` });
  const expect = async (answerPromise, status, what) => {
    const answer = await answerPromise;
    if (answer.status !== status) throw new Error(`seeding: ${what} answered ${answer.status}: ${answer.text}`);
    return answer.json;
  };
  const operator = (urlPath, body) => expect(operatorCall(urlPath, body), 201, `POST ${urlPath}`);

  const tokenOf = (link) => new URL(link).pathname.split('/').filter(Boolean).pop();
  const addMember = async (company, host, member) => {
    const { activationUrl, acceptanceUrl } = await operator(`/api/operator/companies/${company.id}/members`, member);
    if (activationUrl) {
      const activation = call('POST', host, '/api/auth/activate', { token: tokenOf(activationUrl), password: DEMO_PASSWORD });
      await expect(activation, 204, `activating ${member.email}`);
    }
    if (acceptanceUrl) {
      // A user who already has an account joins another company only by accepting, as Claire would by the mailed link.
      const acceptance = call('POST', host, '/api/invitations/accept', { token: tokenOf(acceptanceUrl) });
      await expect(acceptance, 204, `${member.email} accepting to join ${company.name}`);
    }
  };

  const first = await operatorCall('/api/operator/companies', { name: 'Cabinet Dupont', hosts: ['dupont.localhost'] });
  if (first.status === 409) return false;
  const dupont = await expect(Promise.resolve(first), 201, 'POST /api/operator/companies');
  const martin = await operator('/api/operator/companies', { name: 'Martin Avocats', hosts: ['martin.localhost'] });
  const famille = await operator(`/api/operator/companies/${dupont.id}/accounts`, { name: 'Famille Durand' });
  const sci = await operator(`/api/operator/companies/${dupont.id}/accounts`, { name: 'SCI Durand' });
  const conseil = await operator(`/api/operator/companies/${martin.id}/accounts`, { name: 'Durand Conseil' });

  // Claire is activated with her first invitation; the second is one she accepts.
  const claire = { email: 'claire.durand@example.com', name: 'Claire Durand', role: 'client' };
  await addMember(dupont, 'dupont.localhost', { ...claire, accountIds: [famille.id, sci.id] });
  await addMember(martin, 'martin.localhost', { ...claire, accountIds: [conseil.id] });
  await addMember(dupont, 'dupont.localhost', { email: 'admin@dupont.example.com', name: 'Paul Dupont', role: 'admin' });
  return true;
}

module.exports = { seedDemo, DEMO_PASSWORD };
