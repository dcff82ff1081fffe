import { Invitation, invitationMail } from './invitation-mail';

const invitationFor = (overrides: Partial<Invitation> = {}): Invitation => ({
  email: 'claire@example.com',
  name: 'Claire',
  companyName: 'Acme Comptabilité',
  portalAddress: 'https://acme.example',
  activationUrl: 'https://acme.example/activate/tok3n',
  ...overrides,
});

describe(invitationMail.name, () => {
  it('is addressed to the invited email and names the company in both languages', () => {
    const mail = invitationMail(invitationFor());

    expect(mail.to).toBe('claire@example.com');
    expect(mail.subject).toBe(
      'Votre accès au portail client de Acme Comptabilité / Your access to the Acme Comptabilité client portal',
    );
  });

  it('carries the activation link, French first then English', () => {
    const { text } = invitationMail(invitationFor());

    expect(text.indexOf('Bonjour')).toBeLessThan(text.indexOf('Hello'));
    expect(text.match(/https:\/\/acme\.example\/activate\/tok3n/g)).toHaveLength(2);
  });

  it('points an already active user to the portal', () => {
    const { text } = invitationMail(invitationFor({ activationUrl: null }));

    expect(text).not.toContain('/activate/');
    expect(text.match(/https:\/\/acme\.example\n/g)).toHaveLength(2);
  });
});
