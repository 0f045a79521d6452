/**
 * Blocks by their place on the page, for the viewport watcher's question "which of them lie
 * within this stretch?". Asked on every frame of a scroll, a scan of every parked block was
 * most of the watcher's time on a long page (3,000 blocks, 180 frames: about half a million
 * tests for 3 s of scrolling). Here each block sits in the band of the page its top falls in,
 * so a question about a few screens reads a few bands.
 */

/** A block's extent on the page: px from the top of the document. */
export interface Place {
  top: number;
  bottom: number;
}

/** Height of a band, px: about a screen. A block taller than this is kept apart (see `tall`). */
export const BAND_PX = 1_024;

const bandOf = (y: number) => Math.floor(y / BAND_PX);

export class PlaceIndex<K> {
  private readonly places = new Map<K, Place>();
  /** Blocks at most BAND_PX tall, by the band of their top: such a block reaches one band down at most. */
  private readonly bands = new Map<number, Set<K>>();
  /** Taller blocks (a long article in one container): few, and checked on every question. */
  private readonly tall = new Set<K>();

  get size(): number {
    return this.places.size;
  }

  get(key: K): Place | undefined {
    return this.places.get(key);
  }

  set(key: K, place: Place): void {
    this.delete(key);
    this.places.set(key, place);
    if (place.bottom - place.top > BAND_PX) {
      this.tall.add(key);
      return;
    }
    const band = bandOf(place.top);
    const members = this.bands.get(band);
    if (members) members.add(key);
    else this.bands.set(band, new Set([key]));
  }

  delete(key: K): boolean {
    const place = this.places.get(key);
    if (!place) return false;
    this.places.delete(key);
    if (this.tall.delete(key)) return true;
    const band = bandOf(place.top);
    const members = this.bands.get(band)!;
    members.delete(key);
    if (members.size === 0) this.bands.delete(band);
    return true;
  }

  clear(): void {
    this.places.clear();
    this.bands.clear();
    this.tall.clear();
  }

  /** Every block and its place. */
  entries(): IterableIterator<[K, Place]> {
    return this.places.entries();
  }

  /** The blocks whose extent meets [from, to] (px from the top of the document). */
  within(from: number, to: number): K[] {
    const found: K[] = [];
    const meets = (key: K) => {
      const place = this.places.get(key)!;
      if (place.bottom >= from && place.top <= to) found.push(key);
    };
    if (to < from) return found;
    // A block's top lies at most one band above the stretch when it reaches into it.
    const first = bandOf(from) - 1;
    const last = bandOf(to);
    if (last - first >= this.bands.size) {
      // A stretch longer than the bands in use: reading those is shorter.
      for (const [band, members] of this.bands) if (band >= first && band <= last) members.forEach(meets);
    } else {
      for (let band = first; band <= last; band++) this.bands.get(band)?.forEach(meets);
    }
    this.tall.forEach(meets);
    return found;
  }
}
