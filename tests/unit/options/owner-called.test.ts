/**
 * The entry that has a name already is called, in messages, by its name for the reader, but
 * never by that very name ("“Nvidia” is already a name of “Nvidia”" told the reader nothing)
 * nor by a term in a script the reader does not read.
 */
import { describe, expect, it } from 'vitest';
import { ownerCalled } from '../../../src/options/owner-called';

describe('what a message calls the entry that has a name already', () => {
  it.each<[string, { name: string }, string | undefined]>([
    // Its name for the reader, when that is another name of it.
    ['英伟达', { name: 'Nvidia' }, 'Nvidia'],
    ['Nvidia', { name: '英伟达' }, '英伟达'],
    // Written in another script or case: the owner as it is written tells how names compare.
    ['华为', { name: '華為' }, '華為'],
    ['NVIDIA', { name: 'Nvidia' }, 'Nvidia'],
    ['quokka', { name: 'Quokka' }, 'Quokka'],
    // The very name the reader knows it by: not its term (輝達, to a reader of 英伟达), but
    // nothing, and the message names its pack, or says it is the entry asked for.
    ['英伟达', { name: '英伟达' }, undefined],
    ['Nvidia', { name: 'Nvidia' }, undefined],
    [' Quokka ', { name: 'Quokka' }, undefined],
  ])('calls the owner of %j %j by %j', (name, owner, called) => {
    expect(ownerCalled(name, owner)).toBe(called);
  });
});
