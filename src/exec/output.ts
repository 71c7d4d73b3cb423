/**
 * Bounded capture of a command's output: the first half of the budget is kept from the start, the rest
 * as a ring of the most recent bytes. A test run that prints 200 MB costs at most `maxBytes` of memory,
 * and the report still shows how the output began and how it ended.
 */
export class HeadTailBuffer {
  private readonly headMax: number;
  private readonly tailMax: number;
  private head: Buffer[] = [];
  private headLen = 0;
  /** The kept tail is `tail[tailStart…]`: dropping from the front moves the index, not the array. */
  private tail: Buffer[] = [];
  private tailStart = 0;
  private tailLen = 0;
  private dropped = 0;

  constructor(maxBytes: number) {
    const max = Math.max(64, Math.floor(maxBytes));
    this.headMax = Math.floor(max / 2);
    this.tailMax = max - this.headMax;
  }

  push(chunk: Buffer): void {
    let c = chunk;
    if (this.headLen < this.headMax) {
      const take = Math.min(this.headMax - this.headLen, c.length);
      this.head.push(c.subarray(0, take));
      this.headLen += take;
      c = c.subarray(take);
    }
    if (c.length === 0) return;
    this.tail.push(c);
    this.tailLen += c.length;
    while (this.tailLen > this.tailMax) {
      const first = this.tail[this.tailStart]!;
      const excess = this.tailLen - this.tailMax;
      if (first.length <= excess) {
        this.tailStart++;
        this.tailLen -= first.length;
        this.dropped += first.length;
      } else {
        this.tail[this.tailStart] = first.subarray(excess);
        this.tailLen -= excess;
        this.dropped += excess;
      }
    }
    // Output written a byte at a time is many small chunks: shifting each one off the front of a long
    // array would cost time in proportion to its length, on every write.
    if (this.tailStart > 1024 && this.tailStart * 2 > this.tail.length) {
      this.tail = this.tail.slice(this.tailStart);
      this.tailStart = 0;
    }
  }

  get truncated(): boolean {
    return this.dropped > 0;
  }

  result(): { text: string; truncated: boolean } {
    const head = Buffer.concat(this.head).toString('utf8');
    const tail = Buffer.concat(this.tail.slice(this.tailStart)).toString('utf8');
    if (this.dropped === 0) return { text: head + tail, truncated: false };
    return {
      text: `${head}\n… [${this.dropped} bytes of output omitted] …\n${tail}`,
      truncated: true,
    };
  }
}

/**
 * Command output made safe to show on a terminal and in a report: escape sequences (colors, cursor
 * moves, OSC 52 clipboard writes, window titles) and other control characters are removed; carriage
 * returns become line breaks. Tabs and line breaks stay.
 */
/* eslint-disable no-control-regex -- control characters are what this removes */
export function plainText(text: string): string {
  return (
    text
      // OSC … (BEL | ESC \\), DCS/PM/APC/SOS … ESC \\, CSI … final byte, then any other ESC pair.
      .replace(
        /\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[P^_X][^\x1b]*(?:\x1b\\)?|\x1b\[[0-?]*[ -/]*[@-~]|\x1b[@-Z\\-_]?/g,
        '',
      )
      .replace(/\x9b[0-?]*[ -/]*[@-~]/g, '')
      .replace(/\r\n?/g, '\n')
      .replace(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/g, '')
  );
}
/* eslint-enable no-control-regex */

/** The last `maxLines` lines (and at most `maxChars` characters) of a text, as `plainText`. */
export function tailOf(text: string, maxLines = 60, maxChars = 8000): string {
  const lines = plainText(text).replace(/\s+$/, '').split('\n');
  let t = lines.slice(-maxLines).join('\n');
  if (t.length > maxChars) t = '…' + t.slice(t.length - maxChars);
  return t;
}
