const tt = require('twitter-text');
let seed = 12345; const rnd = n => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
const picto = [];
for (const [a,b] of [[0x2600,0x27BF],[0x1F300,0x1F64F],[0x1F680,0x1F6FF],[0x1F900,0x1FAFF],[0x2194,0x21AA],[0x231A,0x23FA],[0x1F004,0x1F251]]) for (let c=a;c<=b;c++) picto.push(c);
const cp = c => String.fromCodePoint(c);
const skin = () => cp(0x1F3FB + rnd(5));
const ZWJ = '\u200d';
const elem = () => { let s = cp(picto[rnd(picto.length)]); const k = rnd(4); if (k===1) s += '\ufe0f'; if (k===2) s += skin(); return s; };
const words = ['Réunion', 'publique', 'ce', 'soir', 'à', 'Paris', '#Paris2026', 'paris.fr/budget', 'https://exemple.fr/programme', '@anne', '«', '»', '!', 'écologie', '👩‍💻', '🧑🏿‍💻', '👨‍👩‍👧', '🏳️‍🌈', '❤️‍🔥', '🇫🇷', '#️⃣', '©', '©️', '☺︎', '☺', '🏴󠁧󠁢󠁳󠁣󠁴󠁿'];
const out = [];
for (let i = 0; i < 2500; i++) {
  const parts = []; const n = 1 + rnd(12);
  for (let j = 0; j < n; j++) {
    const k = rnd(6);
    if (k === 0) { let s = elem(); const z = rnd(3); for (let q = 0; q < z; q++) s += ZWJ + elem(); parts.push(s); }
    else if (k === 1) parts.push(elem());
    else parts.push(words[rnd(words.length)]);
  }
  const text = parts.join(rnd(3) === 0 ? '' : ' ');
  const r = tt.parseTweet(text);
  out.push(JSON.stringify({text, weightedLength: r.weightedLength, valid: r.valid}));
}
// a long one near the limit
const long = '🧑🏿‍💻 '.repeat(46) + 'fin';
const r = tt.parseTweet(long); out.push(JSON.stringify({text: long, weightedLength: r.weightedLength, valid: r.valid}));
require('fs').writeFileSync('x_twitter_text_3.1.0.jsonl', out.join('\n') + '\n');
