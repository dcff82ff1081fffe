import { UnknownHosts } from './unknown-hosts';

describe(UnknownHosts.name, () => {
  test('remembers a host until its time is up', () => {
    jest.useFakeTimers({ now: 0 });
    const sut = new UnknownHosts(5000, 10);

    sut.remember('nobody.test');

    expect(sut.has('nobody.test')).toBe(true);
    jest.setSystemTime(5001);
    expect(sut.has('nobody.test')).toBe(false);
    jest.useRealTimers();
  });

  test('holds at most its capacity: endless random hosts push out the oldest', () => {
    const sut = new UnknownHosts(5000, 3);

    for (let index = 0; index < 1000; index += 1) sut.remember(`random-${index}.test`);

    expect(sut.size).toBe(3);
    expect(sut.has('random-999.test')).toBe(true);
    expect(sut.has('random-0.test')).toBe(false);
  });

  test('forgets the hosts of a company just created', () => {
    const sut = new UnknownHosts(5000, 10);
    sut.remember('soon.test');

    sut.forget(['soon.test']);

    expect(sut.has('soon.test')).toBe(false);
  });
});
