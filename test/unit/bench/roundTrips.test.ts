// The bench counts how many round trips a refresh waited for from when the sandbox received and
// answered each request, so a loaded machine slows the figures down without changing the count.
import { describe, expect, it } from 'vitest';
import { roundTripsWaitedFor } from '../../bench/roundTrips';

const request = (receivedAt: number, answeredAt: number) => ({ target: 'GET /v2/apps', receivedAt, answeredAt });

describe('counting the round trips of a refresh', () => {
  it('counts ten pages asked for side by side as one, however slowly they were answered', () => {
    const pages = Array.from({ length: 10 }, (_, i) => request(i, 100 + i * 40));
    expect(roundTripsWaitedFor(pages)).toBe(1);
  });

  it('counts the first page, then the rest once its total was known, as two', () => {
    expect(roundTripsWaitedFor([request(0, 100), request(101, 200), request(102, 210), request(103, 220)])).toBe(2);
  });

  it('counts pages read one after another as one each', () => {
    const oneByOne = Array.from({ length: 10 }, (_, i) => request(i * 100, i * 100 + 99));
    expect(roundTripsWaitedFor(oneByOne)).toBe(10);
  });

  it('counts nothing asked as none', () => {
    expect(roundTripsWaitedFor([])).toBe(0);
  });
});
