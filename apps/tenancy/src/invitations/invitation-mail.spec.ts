import { Invitation, invitationMail } from './invitation-mail';

const invitationFor = (overrides: Partial<Invitation> = {}): Invitation => ({
  email: 'claire@example.com',
  name: 'Claire',
  companyName: 'Acme Comptabilité',
  portalAddress: 'https://acme.example',
  activationUrl: 'https://portail.example/activate/tok3n',
  acceptanceUrl: null,
  language: 'fr',
  ...overrides,
});

describe(invitationMail.name, () => {
  it('is addressed to the invited email and names the company, in French for a French-speaking user', () => {
    const mail = invitationMail(invitationFor());

    expect(mail.to).toBe('claire@example.com');
    expect(mail.subject).toBe('Votre accès au portail client de Acme Comptabilité');
    expect(mail.text).toMatch(/^Bonjour Claire,\n/);
    expect(mail.text).not.toContain('Hello');
  });

  it('is in English only for an English-speaking user', () => {
    const mail = invitationMail(invitationFor({ language: 'en' }));

    expect(mail.subject).toBe('Your access to the Acme Comptabilité client portal');
    expect(mail.text).toMatch(/^Hello Claire,\n/);
    expect(mail.text).not.toContain('Bonjour');
  });

  it.each(['fr', 'en'] as const)('carries the activation link once (%s)', (language) => {
    const { text } = invitationMail(invitationFor({ language }));

    expect(text.match(/https:\/\/portail\.example\/activate\/tok3n/g)).toHaveLength(1);
    expect(text).toContain(language === 'fr' ? 'choisissez votre mot de passe ici' : 'choose your password here');
    // The link opens on the easy access host: the mail says where the firm's portal is.
    expect(text).toContain(language === 'fr' ? 'sur son portail : https://acme.example' : 'on its portal: https://acme.example');
  });

  it.each(['fr', 'en'] as const)('points an already active user to the portal (%s)', (language) => {
    const { text } = invitationMail(invitationFor({ activationUrl: null, language }));

    expect(text).not.toContain('/activate/');
    expect(text.match(/https:\/\/acme\.example\n/g)).toHaveLength(1);
    expect(text).toContain(language === 'fr' ? "Connectez-vous comme d'habitude" : 'Sign in as usual');
  });

  it.each(['fr', 'en'] as const)('asks a user who already has an account to accept, by the link, once (%s)', (language) => {
    const { text } = invitationMail(
      invitationFor({ activationUrl: null, acceptanceUrl: 'https://portail.example/invitation/j0in', language }),
    );

    expect(text.match(/https:\/\/portail\.example\/invitation\/j0in/g)).toHaveLength(1);
    expect(text).toContain(language === 'fr' ? 'Son portail : https://acme.example' : 'Its portal: https://acme.example');
    expect(text).not.toContain('/activate/');
    expect(text).toContain(language === 'fr' ? 'Pour accepter, ouvrez ce lien (valable 7 jours)' : 'To accept, open this link (valid for 7 days)');
  });
});
