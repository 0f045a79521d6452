/**
 * The entry that has a name already is called, in messages, by something other than that
 * very name: "“Nvidia” is already a name of “Nvidia”" told the reader nothing.
 */
import { describe, expect, it } from 'vitest';
import { ownerCalled } from '../../../src/options/owner-called';

describe('what a message calls the entry that has a name already', () => {
  it.each<[string, { name: string; term: string }, string | undefined]>([
    // Its name for the reader, when that is another name of it.
    ['英伟达', { name: 'Nvidia', term: '輝達' }, 'Nvidia'],
    // Its term, when its name for the reader is the name given, however written.
    ['Nvidia', { name: 'Nvidia', term: '輝達' }, '輝達'],
    ['NVIDIA', { name: 'Nvidia', term: '輝達' }, '輝達'],
    // Written in another script or case: the owner as it is written tells how names compare.
    ['华为', { name: '華為', term: '華為' }, '華為'],
    ['quokka', { name: 'Quokka', term: 'Quokka' }, 'Quokka'],
    // Nothing but the name itself: the message names the pack instead.
    ['Quokka', { name: 'Quokka', term: 'Quokka' }, undefined],
    [' Quokka ', { name: 'Quokka', term: 'Quokka' }, undefined],
  ])('calls the owner of %j %j by %j', (name, owner, called) => {
    expect(ownerCalled(name, owner)).toBe(called);
  });
});
