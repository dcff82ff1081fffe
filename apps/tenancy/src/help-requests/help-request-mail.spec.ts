import { Language } from '@app/contracts';
import { HelpRequestNotice, helpRequestMail } from './help-request-mail';

const noticeFor = (language: Language = 'fr'): HelpRequestNotice => ({
  admin: { email: 'anne@acme.example', language },
  client: { id: '5b0c6a43-7a43-4b8e-9a55-2f3a2f6f8c11', email: 'claire@example.com', name: 'Claire Martin' },
  companyName: 'Acme Comptabilité',
  requestsUrl: 'https://acme.example/admin/help-requests',
  message: null,
});

describe(helpRequestMail.name, () => {
  it("is addressed to the admin and names the client in the subject, in the admin's language", () => {
    const french = helpRequestMail(noticeFor('fr'));
    const english = helpRequestMail(noticeFor('en'));

    expect(french.to).toBe('anne@acme.example');
    expect(french.subject).toBe("Demande d'aide à la connexion : Claire Martin");
    expect(english.to).toBe('anne@acme.example');
    expect(english.subject).toBe('Sign-in help request: Claire Martin');
  });

  it.each([
    ['fr', /^Bonjour,\n/, 'Hello'],
    ['en', /^Hello,\n/, 'Bonjour'],
  ] as const)('names the client by name and email once (%s)', (language, greeting, otherGreeting) => {
    const { text } = helpRequestMail(noticeFor(language));

    expect(text).toMatch(greeting);
    expect(text).not.toContain(otherGreeting);
    expect(text.match(/Claire Martin \(claire@example\.com\)/g)).toHaveLength(1);
  });

  it("says where to act: the admin page of the company's portal", () => {
    expect(helpRequestMail(noticeFor('fr')).text).toContain(
      "Pour désactiver son authentification à deux facteurs, ouvrez la page des demandes de votre portail :\nhttps://acme.example/admin/help-requests\n",
    );
    expect(helpRequestMail(noticeFor('en')).text).toContain(
      'To turn off their two-factor authentication, open the requests page of your portal:\nhttps://acme.example/admin/help-requests\n',
    );
  });

  it("quotes the client's message as theirs, in the admin's language, and says to call the number already known", () => {
    const message = "J'ai perdu mon téléphone.";

    expect(helpRequestMail({ ...noticeFor('fr'), message }).text).toContain("Son message, tel que saisi (rien ne garantit encore qui l'a écrit) :\n« J'ai perdu mon téléphone. »\n");
    expect(helpRequestMail({ ...noticeFor('en'), message }).text).toContain('Their message, as typed (nothing yet proves who wrote it):\n"J\'ai perdu mon téléphone."\n');
    expect(helpRequestMail({ ...noticeFor('fr'), message }).text).toContain('jamais à un numéro donné dans la demande');
    expect(helpRequestMail(noticeFor('fr')).text).not.toContain('Son message');
  });

  it('cuts the message at 500 characters and defangs its links (quotedWords)', () => {
    const text = helpRequestMail({ ...noticeFor('fr'), message: `Voir https://evil.example ${'x'.repeat(600)}` }).text;

    expect(text).toContain(`« Voir hxxps://evil[.]example ${'x'.repeat(500 - 'Voir https://evil.example '.length)}… »`);
  });
});
