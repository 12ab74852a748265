/**
 * Tests only: a GraphQL client that keeps every cookie it is given (session and `vouch_device`), like one
 * browser profile. (testing/index.ts's graphqlClient keeps only the first cookie of a response.)
 */
export interface JarResponse<T> {
  status: number;
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; reason?: string; fields?: { field: string; message: string }[] } }[];
  setCookies: string[];
}

export function browserClient(baseUrl: string, init: { ip?: string; userAgent?: string } = {}) {
  const jar = new Map<string, string>();
  return {
    jar,
    async request<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<JarResponse<T>> {
      const res = await fetch(`${baseUrl}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(jar.size ? { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } : {}),
          ...(init.ip ? { 'x-forwarded-for': init.ip } : {}),
          ...(init.userAgent ? { 'user-agent': init.userAgent } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      const setCookies = res.headers.getSetCookie();
      for (const header of setCookies) {
        const [pair = '', ...attrs] = header.split(';');
        const index = pair.indexOf('=');
        const name = pair.slice(0, index).trim();
        const value = pair.slice(index + 1).trim();
        const expired = attrs.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a));
        if (!value || expired) jar.delete(name);
        else jar.set(name, value);
      }
      const body = (await res.json()) as Omit<JarResponse<T>, 'status' | 'setCookies'>;
      return { status: res.status, setCookies, ...body };
    },
  };
}
