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
    ['Angular', '<app-root ng-server-context="ssr" ngh="0"><p>輝達</p></app-root>', ''],
    ['Astro', '<astro-island uid="1"><p>輝達</p></astro-island>', ''],
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
  ])('says no for %s', (_, body, head) => {
    expect(isHydratedByFramework(page(body, head))).toBe(false);
  });
});
