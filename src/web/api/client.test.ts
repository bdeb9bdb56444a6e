import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, apiUrl, setApiLanguage, toQueryString } from './client';

describe('API client', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('writes lists comma-separated and leaves empty values out', () => {
    expect(
      toQueryString({ cn: '430000', level: ['city', 'county'], q: '', kind: undefined, status: [], page: 2 }),
    ).toBe('?cn=430000&level=city%2Ccounty&page=2');
    expect(apiUrl('/partnerships')).toBe('/api/partnerships');
  });

  it('turns an error answer into an ApiError with its code and field issues', async () => {
    const body = {
      error: { code: 'validation_failed', message: '输入有误', issues: [{ path: 'cnCode', message: 'bad' }] },
    };
    const fetchMock = vi.fn(async () => new Response(JSON.stringify(body), { status: 400 }));
    vi.stubGlobal('fetch', fetchMock);
    setApiLanguage('en');
    const error = await api.post('/partnerships', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'validation_failed', issues: [{ path: 'cnCode' }] });
    const init = (fetchMock.mock.calls[0] as unknown as [string, RequestInit])[1];
    expect((init.headers as Record<string, string>)['Accept-Language']).toBe('en');
  });

  it('says "network" when the server cannot be reached', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(api.get('/figures')).rejects.toMatchObject({ status: 0, code: 'network' });
  });

  it('knows a conflict', () => {
    expect(new ApiError(409, 'conflict', 'x').isConflict).toBe(true);
  });
});
