// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchThemeChanges, type ThemeScope, type ThemeWatch } from '../../../src/content/theme-watch';

const win = () => window as Window & typeof globalThis;
const frame = () => new Promise((resolve) => setTimeout(resolve, 50));

let watch: ThemeWatch | undefined;
afterEach(() => watch?.stop());

/** Starts a watch on the document; returns what it has reported so far, scopes as ids (`page`: the whole page). */
function start(): string[][] {
  const calls: string[][] = [];
  watch = watchThemeChanges(document, win(), (scope: ThemeScope) =>
    calls.push(scope ? [...scope].map((el) => el.id).sort() : ['page']),
  );
  return calls;
}

describe('theme watch', () => {
  it('tells of attributes changed on the ancestors of the text it follows, once a frame, and of no other element', async () => {
    document.body.innerHTML =
      '<div id="app"><main id="main"><p id="p">Nvidia</p></main></div><aside id="aside"><p id="q">x</p></aside>';
    const calls = start();
    watch!.follow(document.getElementById('p')!.firstChild!);
    document.getElementById('aside')!.className = 'dark'; // holds no text followed
    document.getElementById('q')!.className = 'dark';
    await frame();
    expect(calls).toEqual([]);
    document.getElementById('app')!.className = 'dark';
    document.getElementById('main')!.setAttribute('data-theme', 'dark');
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    document.getElementById('p')!.className = 'lit';
    await vi.waitFor(() => expect(calls).toHaveLength(2));
    expect(calls).toEqual([['app', 'main'], ['p']]);
  });

  it('calls a change on <html> or <body> a change of the whole page, as it does the system’s theme', async () => {
    document.body.innerHTML = '<div id="app"><p id="p">Nvidia</p></div>';
    const calls = start();
    watch!.follow(document.getElementById('p')!.firstChild!);
    document.getElementById('app')!.className = 'dark';
    document.documentElement.classList.add('dark');
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    document.documentElement.classList.remove('dark');
    document.body.setAttribute('data-theme', 'dark');
    await vi.waitFor(() => expect(calls).toHaveLength(2));
    document.body.removeAttribute('data-theme');
    expect(calls).toEqual([['page'], ['page']]);
  });

  it('follows text in a shadow tree up through its host', async () => {
    document.body.innerHTML = '<div id="card"><div id="host"></div></div>';
    const host = document.getElementById('host')!;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<section id="inner"><span>Nvidia</span></section>';
    const calls = start();
    watch!.follow(shadow.querySelector('span')!.firstChild!);
    host.className = 'dark';
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    document.getElementById('card')!.className = 'dark';
    shadow.getElementById('inner')!.className = 'dark';
    await vi.waitFor(() => expect(calls).toHaveLength(2));
    expect(calls).toEqual([['host'], ['card', 'inner']]);
  });

  it('tells nothing once stopped', async () => {
    document.body.innerHTML = '<div id="app"><p id="p">Nvidia</p></div>';
    const calls = start();
    watch!.follow(document.getElementById('p')!.firstChild!);
    watch!.stop();
    document.getElementById('app')!.className = 'dark';
    document.documentElement.classList.add('dark');
    await frame();
    document.documentElement.classList.remove('dark');
    expect(calls).toEqual([]);
  });
});
