import { isGuessablePin } from './device.contracts';

describe(isGuessablePin.name, () => {
  const all = Array.from({ length: 10_000 }, (_, n) => String(n).padStart(4, '0'));

  it('refuses about 1 % of the PINs, which leaves 9,882 to choose from', () => {
    expect(all.filter(isGuessablePin)).toHaveLength(118);
  });

  it.each(['1111', '0123', '6789', '9876', '3210', '1212', '9090', '2001', '6969'])('refuses %s', (pin) => {
    expect(isGuessablePin(pin)).toBe(true);
  });

  it.each(['2468', '2580', '8362', '1357', '0987', '1990'])('takes %s', (pin) => {
    expect(isGuessablePin(pin)).toBe(false);
  });
});
