// A term the core matched, quoted as the card writes it. The core matches text folded (lower
// case, accents off, "ß" as "ss", punctuation as spaces: fold in src/engine/text.rs), and a
// reason's detail is often the folded term ("chargee de recrutement"); the explanation shows the
// card's own words instead ("Chargée de recrutement"), found by folding the card's text the
// same way while keeping where each folded character came from.
vetted.quote = (() => {
  'use strict';

  // Characters that fold to nothing and keep a word whole: combining marks (the accents NFKD
  // splits off), soft hyphens, zero-width characters and tags.
  const IGNORED = /^[\p{M}\u00AD\u200B-\u200F\u2060\u{E0000}-\u{E007F}]$/u;
  const WORD = /^[\p{L}\p{N}]+$/u;
  // Letters that NFKD leaves whole but the core folds to plain ones.
  const PLAIN = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ı: 'i' };

  /** `text` folded as the core folds it (at least as far: what the core keeps apart, such as
   *  a "ǎ", this may join), its words apart by single spaces, and for each character of the
   *  result the span of `text` it comes from: `{ folded, from, to }`. */
  function fold(text) {
    let folded = '';
    const from = [];
    const to = [];
    let gap = false; // a separator since the last word character
    let at = 0;
    for (const char of text) {
      const start = at;
      at += char.length;
      if (IGNORED.test(char)) {
        if (!gap && to.length) to[to.length - 1] = at; // an accent written apart belongs to its letter
        continue;
      }
      let plain = '';
      for (const part of char.normalize('NFKD').toLowerCase()) {
        if (!IGNORED.test(part)) plain += PLAIN[part] ?? part;
      }
      if (!WORD.test(plain)) {
        gap = true;
        continue;
      }
      if (gap && folded) {
        folded += ' ';
        from.push(start);
        to.push(start);
      }
      gap = false;
      for (let i = 0; i < plain.length; i++) {
        from.push(start);
        to.push(at);
      }
      folded += plain;
    }
    return { folded, from, to };
  }

  /** `detail` as `card` (an element) writes it: the first of the card's texts whose words,
   *  folded, are the detail's, whole words only; else `detail` as it is (a name, a count, a
   *  term the card does not hold). Whitespace is collapsed, as the page shows it. */
  function asWritten(card, detail) {
    const want = fold(detail).folded;
    if (!want || !card) return detail;
    const walker = document.createTreeWalker(card, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.data;
      const { folded, from, to } = fold(text);
      for (let at = folded.indexOf(want); at >= 0; at = folded.indexOf(want, at + 1)) {
        const end = at + want.length;
        if ((at > 0 && folded[at - 1] !== ' ') || (end < folded.length && folded[end] !== ' ')) continue;
        return text.slice(from[at], to[end - 1]).replace(/\s+/g, ' ');
      }
    }
    return detail;
  }

  return { fold, asWritten };
})();
