const fs = require('fs');
const de = p => require('./zxcvbn-ts-language-de-3.0.2/package/src/' + p + '.json');
const ja = p => require('./zxcvbn-ts-language-ja-3.0.2/package/src/' + p + '.json');
const common = require('./zxcvbn-ts-language-common-4.1.3/package/src/passwords.json');
// Ranked lists: most frequent first; entries under 3 characters cost less than brute force would and only add noise.
function ranked(lists, limit) {
  const seen = new Set(); const out = [];
  for (const list of lists) for (const w of list) {
    const word = w.normalize('NFKC').toLowerCase().trim();
    if (word.length < 3 || seen.has(word)) continue;
    seen.add(word); out.push(word);
    if (out.length >= limit) return out;
  }
  return out;
}
const header = (what, pkg) => [
  `# ${what}, most frequent first (one per line; lines starting with # are comments).`,
  `# Source: ${pkg}, MIT licence: Copyright (c) 2012-2016 Dan Wheeler and Dropbox, Inc.; Copyright (c) 2021 @zxcvbn-ts`,
  `# Built by build-word-lists.js beside this file.`];
const write = (name, lines) => { fs.writeFileSync('out/' + name, lines.join('\n') + '\n'); };
fs.mkdirSync('out', { recursive: true });
write('german-words.txt', [...header('German words (subtitles, then Wikipedia)', '@zxcvbn-ts/language-de 3.0.2 (src/commonWords.json, src/wikipedia.json)'), ...ranked([de('commonWords'), de('wikipedia')], 30000)]);
write('german-names.txt', [...header('German first names and surnames', '@zxcvbn-ts/language-de 3.0.2 (src/lastnames.json, src/firstnames.json)'), ...ranked([de('lastnames'), de('firstnames')], 10000)]);
write('japanese-words.txt', [...header('Japanese words in romaji (common words, then Wikipedia)', '@zxcvbn-ts/language-ja 3.0.2 (src/commonWords.json, src/wikipedia.json)'), ...ranked([ja('commonWords'), ja('wikipedia')], 15000)]);
write('japanese-names.txt', [...header('Japanese surnames and first names in romaji', '@zxcvbn-ts/language-ja 3.0.2 (src/lastnames.json, src/firstnames.json)'), ...ranked([ja('lastnames'), ja('firstnames')], 10000)]);
const leaked = []; const seen = new Set();
for (const p of common) { const k = p.normalize('NFKC').toLowerCase().trim(); if (k.length && !seen.has(k)) { seen.add(k); leaked.push(p); } }
write('leaked-passwords.txt', [
  `# ${leaked.length} passwords most often found in breach corpora, most common first.`,
  '# Source: @zxcvbn-ts/language-common 4.1.3 (src/passwords.json, drawn from leaked password sets), MIT licence:',
  '# Copyright (c) 2012-2016 Dan Wheeler and Dropbox, Inc.; Copyright (c) 2021 @zxcvbn-ts', ...leaked]);
