// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { isPageChrome } from '../../../src/content/page-chrome';

describe('the page’s furniture', () => {
  it('is its navigation, sidebars and menus, and the header and footer the page calls the site’s', () => {
    document.body.innerHTML = `
      <div role="banner"><a id="logo">Site</a><nav><a id="menu">ChatGPT</a></nav></div>
      <div role="navigation"><a id="role-nav">Nvidia</a></div>
      <ul role="menubar"><li id="menubar">Baidu</li></ul>
      <div class="story">
        <header><h1 id="headline">Nvidia’s chips</h1></header>
        <p id="body">Nvidia makes chips.</p>
        <footer><p id="byline">By a reporter</p></footer>
      </div>
      <main><article><aside><p id="pull">Related: Huawei</p></aside></article></main>
      <div role="complementary"><p id="sidebar">Trending</p></div>
      <footer role="contentinfo"><p id="copyright">© Site</p></footer>`;
    const chrome = (id: string) => isPageChrome(document.getElementById(id)!);
    const furniture = ['logo', 'menu', 'role-nav', 'menubar', 'pull', 'sidebar', 'copyright'];
    // A header or footer the page does not call the site's: a story's headline and byline.
    const content = ['headline', 'body', 'byline'];
    expect(furniture.filter((id) => !chrome(id))).toEqual([]);
    expect(content.filter(chrome)).toEqual([]);
  });
});
