import { RegistrationResponse } from './ceremony-responses';

describe('RegistrationResponse', () => {
  const response = (transports: string[]) => ({
    id: 'Y3JlZA',
    rawId: 'Y3JlZA',
    type: 'public-key',
    response: { clientDataJSON: 'e30', attestationObject: 'oA', transports },
  });

  it('keeps each known transport once: identity refuses more than the seven there are, which a repeat would pass', () => {
    const parsed = RegistrationResponse.parse(response(['usb', 'usb', 'usb', 'usb', 'usb', 'usb', 'usb', 'usb', 'internal', 'usb']));

    expect(parsed.response.transports).toEqual(['usb', 'internal']);
  });

  it('drops a transport it does not know, as browsers add new ones', () => {
    expect(RegistrationResponse.parse(response(['hybrid', 'smoke-signal'])).response.transports).toEqual(['hybrid']);
  });
});
