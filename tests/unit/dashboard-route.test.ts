import { describe, expect, it } from 'vitest';
import { appHash } from '../../utils/dashboard-route';
import { readRoute } from '../../utils/dashboard-route-read';

describe('dashboard routes', () => {
  it('round-trips any id through the hash, including characters an address would take apart', () => {
    for (const id of ['abc-123', 'a/b?c#d', 'شرکت ۱', '%41', ' spaced ', '../x'])
      expect(readRoute(appHash(id))).toEqual({ page: 'app', id });
  });

  it('reads the list for an empty, unknown or broken hash', () => {
    for (const hash of ['', '#', '#/', '#/app/', '#/app', '#/apps/x', '#/app/x/y', '#/app/%E0%A4%A', 'app/x'])
      expect(readRoute(hash)).toEqual({ page: 'list' });
  });
});
