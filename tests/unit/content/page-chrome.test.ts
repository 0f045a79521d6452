// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { isPageChrome } from '../../../src/content/page-chrome';

describe('the page’s furniture', () => {
  it('is its navigation, sidebars and menus, and the site’s own header and footer, not an article’s', () => {
    document.body.innerHTML = `
      <header id="site-header"><a id="logo">Site</a><nav><a id="menu">ChatGPT</a></nav></header>
      <div role="navigation"><a id="role-nav">Nvidia</a></div>
      <ul role="menubar"><li id="menubar">Baidu</li></ul>
      <main>
        <article>
          <header><h1 id="headline">Nvidia’s chips</h1></header>
          <p id="body">Nvidia makes chips.</p>
          <aside><p id="pull">Related: Huawei</p></aside>
          <footer><p id="byline">By a reporter</p></footer>
        </article>
        <section><header><h2 id="section-head">More</h2></header></section>
      </main>
      <div role="complementary"><p id="sidebar">Trending</p></div>
      <footer id="site-footer"><p id="copyright">© Site</p></footer>`;
    const chrome = (id: string) => isPageChrome(document.getElementById(id)!);
    const furniture = ['logo', 'menu', 'role-nav', 'menubar', 'pull', 'sidebar', 'copyright'];
    const content = ['headline', 'body', 'byline', 'section-head'];
    expect(furniture.filter((id) => !chrome(id))).toEqual([]);
    expect(content.filter(chrome)).toEqual([]);
  });
});
