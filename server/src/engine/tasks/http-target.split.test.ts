import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Prng } from '../../../../test/robustness/fuzz/prng';
import { httpTarget, plainHttpTarget } from './http-target';

/** What WHATWG URL gives (the reference), or undefined for anything but a valid http(s) URL. */
function byUrl(url: string): { origin: string; path: string } | undefined {
  if (!URL.canParse(url)) return undefined;
  const parsed = new URL(url);
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  return { origin: parsed.origin, path: parsed.pathname + parsed.search };
}

const EDGE_CASES = [
  'http://127.0.0.1:8080/items/1',
  'https://dummyjson.com/products/1?select=title,price&limit=10',
  'http://localhost',
  'http://localhost?',
  'http://localhost/?',
  'http://localhost?a=1',
  'http://example.com:80/a',
  'https://example.com:443/a',
  'http://example.com:443/a',
  'http://example.com:0080/a',
  'http://example.com:65535/',
  'http://example.com:65536/',
  'http://Example.com/a',
  'HTTP://example.com/a',
  'http://example.com/A/%7e/%41',
  'http://example.com/a/./b',
  'http://example.com/a/../b',
  'http://example.com/a/..',
  'http://example.com/a/%2e%2E/b',
  'http://example.com/a/.b/c..',
  'http://example.com/a b',
  'http://example.com/a"b',
  'http://example.com/{x}',
  "http://example.com/it's?q=it's",
  'http://example.com/a#frag',
  'http://example.com/a?b#frag',
  'http://example.com\\a',
  'http://user:pass@example.com/',
  'http://127.1/',
  'http://0x7f.0.0.1/',
  'http://1.2.3.04/',
  'http://256.0.0.1/',
  'http://1.2.3/',
  'http://a.1/',
  'http://a.0x/',
  'http://xn--nxasmq6b.com/',
  'http://xn--a.com/',
  'http://a..b/',
  'http://a.-b/',
  'http://host./x',
  'http://[::1]:8080/x',
  'ftp://example.com/',
  'file:///etc/passwd',
  'http:/example.com/',
  'http://',
  'http://ex%41mple.com/',
  'http://example.com/%',
  'http://example.com/%zz?%',
  'http://example.com/a?b=c?d/e',
];

describe('httpTarget', () => {
  it('gives what URL gives for edge cases, splitting plain URLs directly', () => {
    for (const url of EDGE_CASES) assert.deepEqual(httpTarget(url), byUrl(url), url);
    assert.deepEqual(plainHttpTarget('http://127.0.0.1:8080/items/1?x=1'), {
      origin: 'http://127.0.0.1:8080',
      path: '/items/1?x=1',
    });
    assert.deepEqual(plainHttpTarget('https://example.com:443'), {
      origin: 'https://example.com',
      path: '/',
    });
    // Left to URL: it rewrites these.
    for (const url of [
      'http://Example.com/',
      'http://127.1/',
      'http://e.com/a/../b',
      'http://e.com/%2e/',
      'http://e.com/a b',
    ])
      assert.equal(plainHttpTarget(url), undefined, url);
  });

  it('agrees with URL on 50,000 generated URLs', () => {
    // A seeded generator: the same URLs on every run.
    const prng = new Prng(20261126);
    const random = (n: number) => prng.int(0, n - 1);
    const pick = <T>(items: readonly T[]): T => prng.pick(items);
    const hostChars = 'ab0129.-';
    const plainChars = "aZ09-._~!$&'()*+,;=:@/%?";
    const oddChars = '#. \\"{}^`|[]2eE';
    const host = () =>
      random(2)
        ? pick(['localhost', '127.0.0.1', 'example.com', 'a-b.c0', 'Example.com', '10.0.0.256'])
        : piece(random(4) ? hostChars : `${hostChars}xX`, 12);
    const piece = (chars: string, max: number) =>
      Array.from({ length: random(max) }, () => chars[random(chars.length)]).join('');
    let split = 0;
    for (let i = 0; i < 50_000; i++) {
      const port = pick(['', ':80', ':443', ':8080', ':0', ':080', ':99999', ':']);
      const url = `${pick(['http', 'https', 'HTTP', 'ftp'])}://${host()}${port}${pick(['', '/'])}${piece(random(4) ? plainChars : plainChars + oddChars, 14)}`;
      const expected = byUrl(url);
      const plain = plainHttpTarget(url);
      if (plain) {
        split++;
        assert.deepEqual(plain, expected, url);
      }
      assert.deepEqual(httpTarget(url), expected, url);
    }
    // The generator must exercise the direct split, not only the fallback.
    assert.ok(split > 2500, `only ${split} URLs were split directly`);
  });
});
