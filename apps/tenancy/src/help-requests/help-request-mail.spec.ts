import { HelpRequestNotice, helpRequestMail } from './help-request-mail';

const noticeFor = (overrides: Partial<HelpRequestNotice> = {}): HelpRequestNotice => ({
  admin: { email: 'anne@acme.example', name: 'Anne' },
  client: { id: '5b0c6a43-7a43-4b8e-9a55-2f3a2f6f8c11', email: 'claire@example.com', name: 'Claire Martin' },
  companyName: 'Acme Comptabilité',
  portalHost: 'acme.example',
  ...overrides,
});

describe(helpRequestMail.name, () => {
  it('is addressed to the admin and names the client in the subject, in both languages', () => {
    const mail = helpRequestMail(noticeFor());

    expect(mail.to).toBe('anne@acme.example');
    expect(mail.subject).toBe(
      "Demande d'aide à la connexion : Claire Martin / Sign-in help request: Claire Martin",
    );
  });

  it('names the client by name and email, French first then English', () => {
    const { text } = helpRequestMail(noticeFor());

    expect(text.indexOf('Bonjour Anne')).toBeLessThan(text.indexOf('Hello Anne'));
    expect(text.match(/Claire Martin \(claire@example\.com\)/g)).toHaveLength(2);
  });

  it("says where to act: the admin page of the company's portal", () => {
    const { text } = helpRequestMail(noticeFor());

    expect(text).toContain("ouvrez la page d'administration de votre portail (acme.example)");
    expect(text).toContain('open the admin page of your portal (acme.example)');
  });
});
