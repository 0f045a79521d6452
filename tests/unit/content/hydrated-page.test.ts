// @vitest-environment jsdom
/** Which pages a front-end framework will hydrate, told from the markup the frameworks write. */
import { describe, expect, it } from 'vitest';
import { isHydratedByFramework } from '../../../src/content/hydrated-page';

const page = (body: string, head = '') =>
  new DOMParser().parseFromString(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`, 'text/html');

describe('isHydratedByFramework', () => {
  it.each([
    ['Next.js (pages router)', '<div id="__next"><p>輝達</p></div>', ''],
    ['Next.js (its data)', '<p>輝達</p><script id="__NEXT_DATA__" type="application/json">{}</script>', ''],
    ['Next.js (app router)', '<p>輝達</p>', '<script src="/_next/static/chunks/main-app.js" async></script>'],
    ['Nuxt', '<div id="__nuxt"><p>輝達</p></div>', ''],
    ['Nuxt (its data)', '<p>輝達</p><script id="__NUXT_DATA__" type="application/json">[]</script>', ''],
    ['Vue 2 server rendering', '<div data-server-rendered="true"><p>輝達</p></div>', ''],
    ['Gatsby', '<div id="___gatsby"><p>輝達</p></div>', ''],
    ['SvelteKit', '<div style="display: contents" data-sveltekit-preload-data="hover"><p>輝達</p></div>', ''],
    ['React 17', '<div id="root"><div data-reactroot=""><p>輝達</p></div></div>', ''],
    [
      'Remix',
      '<p>輝達</p>',
      '<link rel="modulepreload" href="/build/manifest-1A2B3C4D.js"><link rel="modulepreload" href="/build/entry.client-5E6F7A8B.js">',
    ],
    [
      'React Router (framework mode, built by Vite)',
      '<p>輝達</p>',
      '<link rel="modulepreload" href="/assets/manifest-9c1d2e3f.js"><link rel="modulepreload" href="/assets/entry.client-Bq3xYz12.js">',
    ],
    ['SolidStart', '<main data-hk="0-0-0-0"><p data-hk="0-0-0-0-1">輝達</p></main>', ''],
    ['Angular', '<app-root ng-server-context="ssr" ngh="0"><p>輝達</p></app-root>', ''],
    ['Astro', '<astro-island uid="1"><p>輝達</p></astro-island>', ''],
    ['React 18/19, two texts side by side', '<div id="root"><p>3<!-- --> results for 輝達</p></div>', ''],
    ['React 18/19, a Suspense boundary', '<div id="root"><!--$--><p>輝達</p><!--/$--></div>', ''],
    [
      'React 18/19, a boundary still streaming',
      '<div id="root"><!--$?--><template id="B:0"></template><!--/$--></div>',
      '',
    ],
    ['Vue 3, a fragment', '<div id="app"><!--[--><p>輝達</p><!--]--></div>', ''],
  ])('says yes for %s', (_, body, head) => {
    expect(isHydratedByFramework(page(body, head))).toBe(true);
  });

  it.each([
    ['a plain article', '<article><p>輝達</p></article>', ''],
    [
      'a client-rendered root, which has nothing to hydrate',
      '<div id="root"></div>',
      '<script src="/app.js"></script>',
    ],
    ['names alike in classes and text', '<div class="__next gallery__next">__NEXT_DATA__ _next/static</div>', ''],
    [
      'a page’s own comments, empty ones included',
      '<!-- header --><p>輝達</p><!----><!--  --><!-- /.entry-content --><p>$ and [ and ] in text</p>',
      '<!-- -->',
    ],
    [
      'a module preloaded under another name',
      '<p>輝達</p>',
      '<link rel="modulepreload" href="/js/app.client-1234.js"><link rel="stylesheet" href="/css/entry.client.css">',
    ],
  ])('says no for %s', (_, body, head) => {
    expect(isHydratedByFramework(page(body, head))).toBe(false);
  });
});
